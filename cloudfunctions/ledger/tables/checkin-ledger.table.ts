import { notFound } from '../../../src/domain/errors';
import { ledgerRange } from '../../../src/domain/ledger-range';
import type { LedgerTable, TableColumn } from '../../../src/domain/ledger-table';
import { formatShanghaiDate, formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { checkinsOfCommunityBetween } from '../../_shared/repositories/ledger-reads.repository';
import type { ArchivedCheckin, CheckinRecord } from '../../_shared/repositories/checkin.repository';

/** The community's 报到台账: every 报到 made in the range, current or since replaced (staff view: names in full). */
const COLUMNS: TableColumn[] = [
  { key: 'name', title: '姓名', kind: 'text', width: 9 },
  { key: 'unit', title: '工作单位', kind: 'text', width: 18 },
  { key: 'branch', title: '所在支部', kind: 'text', width: 14 },
  { key: 'reportedAt', title: '报到时间', kind: 'datetime', width: 17 },
  { key: 'status', title: '状态', kind: 'text', width: 9 },
  { key: 'validUntil', title: '有效期至', kind: 'date', width: 11 },
  { key: 'reviewer', title: '确认人', kind: 'text', width: 9 },
  { key: 'reviewedAt', title: '确认时间', kind: 'datetime', width: 17 },
];

const STATUS_LABELS: Record<string, string> = { pending: '待确认', confirmed: '已确认', rejected: '已退回', withdrawn: '已撤回' };

const DEFINITIONS = [
  { column: '报到时间', text: '党员扫码报到的时间（北京时间），统计范围按报到时间计' },
  { column: '状态', text: '该次报到当前或结束时的状态；已确认指经本社区工作人员确认' },
  { column: '合计', text: '范围内的报到次数，及其中已确认的次数' },
];

/** The screen shows the first 1 000 (one query per collection); the file holds up to 10 000. */
export const CHECKIN_LEDGER_SCREEN_ROWS = 999;
export const CHECKIN_LEDGER_MAX_ROWS = 10_000;

const rowOf = (c: CheckinRecord | ArchivedCheckin) => ({
  name: c.memberName,
  unit: c.workUnitName,
  branch: c.partyBranch,
  reportedAt: formatShanghaiMinute(c.reportedAt),
  status: STATUS_LABELS[c.status] ?? c.status,
  validUntil: formatShanghaiDate(c.validUntil),
  reviewer: c.reviewedAt && c.status !== 'rejected' ? (c.reviewedByName ?? '') : '',
  reviewedAt: c.reviewedAt && c.status !== 'rejected' ? formatShanghaiMinute(c.reviewedAt) : null,
});

export async function checkinLedgerTable(input: { communityId: string; from: string; to: string }, now: Date, limit = CHECKIN_LEDGER_SCREEN_ROWS): Promise<{ table: LedgerTable; hasMore: boolean }> {
  const range = ledgerRange(input.from, input.to, now);
  const checkins = await checkinsOfCommunityBetween(input.communityId, range.start, range.end, limit + 1);
  // The name travels on every 报到; only an empty ledger reads the community for its title (≤ 3 round trips).
  const scopeName = checkins[0]?.communityName ?? (await findCommunity(input.communityId))?.name;
  if (!scopeName) throw notFound('社区不存在');
  const rows = checkins.slice(0, limit).map(rowOf);
  const confirmed = rows.filter((r) => r.reviewedAt !== null).length;
  return {
    hasMore: checkins.length > limit,
    table: {
      title: '在职党员到社区报到台账',
      scopeName,
      periodLabel: range.label,
      columns: COLUMNS,
      rows,
      totals: rows.length === 0 ? null : { name: `合计 ${rows.length} 次`, status: `已确认 ${confirmed} 次` },
      definitions: DEFINITIONS,
    },
  };
}
