import { notFound } from '../../../src/domain/errors';
import { ledgerRange } from '../../../src/domain/ledger-range';
import type { LedgerTable, TableColumn } from '../../../src/domain/ledger-table';
import { SERVICE_LOG_STATUS_LABELS, type ServiceLogStatus } from '../../../src/domain/service-log.schema';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import { unitLogsBetween } from '../../_shared/repositories/ledger-reads.repository';
import type { ServiceLogRecord } from '../../_shared/repositories/service-log.repository';
import { findUnit } from '../../_shared/repositories/unit.repository';

/**
 * The unit's 四进四联 台账: what its members did in communities (confirmed and still pending; refused and corrected
 * logs are not activities). Scoped by the work unit stamped on each log from the member's stored profile, so no row
 * of another unit can appear. The screen and the file are built by the same function.
 */
interface UnitActivitiesInput {
  unitId: string;
  from: string;
  to: string;
  status?: 'confirmed' | 'pending';
}

const UNIT_ACTIVITIES_SCREEN_ROWS = 999;
export const UNIT_ACTIVITIES_MAX_ROWS = 10_000;
const LISTED: readonly ServiceLogStatus[] = ['confirmed', 'pending'];

const round1 = (n: number) => Math.round(n * 10) / 10;

const COLUMNS: TableColumn[] = [
  { key: 'date', title: '日期', kind: 'date', width: 11 },
  { key: 'name', title: '党员', kind: 'text', width: 8 },
  { key: 'community', title: '社区', kind: 'text', width: 10 },
  { key: 'place', title: '地点', kind: 'text', width: 12 },
  { key: 'content', title: '内容', kind: 'text', width: 20 },
  { key: 'visited', title: '走访对象', kind: 'text', width: 10 },
  { key: 'heard', title: '听取意见', kind: 'text', width: 16 },
  { key: 'solved', title: '解决问题', kind: 'text', width: 16 },
  { key: 'hours', title: '时长（小时）', kind: 'decimal', width: 7 },
  { key: 'status', title: '状态', kind: 'text', width: 7 },
];

/** Pure: the rows, the total row and the definitions of the 台账 from the unit's logs. */
function unitActivitiesRows(logs: ServiceLogRecord[]): Pick<LedgerTable, 'columns' | 'rows' | 'totals' | 'definitions'> {
  const rows = logs.map((l) => ({
    date: l.serviceDate,
    name: l.memberName,
    community: l.communityName,
    place: l.place,
    content: l.content,
    visited: l.visited ?? '',
    heard: l.heard ?? '',
    solved: l.solved ?? '',
    hours: round1(l.hours),
    status: SERVICE_LOG_STATUS_LABELS[l.status] ?? l.status,
  }));
  const confirmed = logs.filter((l) => l.status === 'confirmed');
  const filled = (key: 'visited' | 'heard' | 'solved') => logs.filter((l) => l[key]).length;
  return {
    columns: COLUMNS,
    rows,
    totals:
      rows.length === 0
        ? null
        : {
            date: `合计 ${rows.length} 次`,
            name: `${new Set(logs.map((l) => l.openid)).size} 人`,
            visited: `走访 ${filled('visited')} 次`,
            heard: `听取意见 ${filled('heard')} 次`,
            solved: `解决问题 ${filled('solved')} 次`,
            hours: round1(confirmed.reduce((s, l) => s + l.hours, 0)),
            status: `已确认 ${confirmed.length} 次`,
          },
    definitions: [
      { column: '日期', text: '党员服务的日期（北京时间），统计范围按服务日期计' },
      { column: '党员', text: '提交服务记录时工作单位为本单位的党员；合计为参与的党员人数' },
      { column: '走访对象、听取意见、解决问题', text: '党员登记自主服务时填写；合计为填写了该项的活动次数' },
      { column: '时长', text: '合计时长只计已确认的服务时长' },
      { column: '状态', text: '已确认（经社区工作人员确认）或待确认；未通过和已被更正的记录不列入' },
    ],
  };
}

/** The unit's 台账 over a range (and status), the first `limit` rows: the unit and the logs in parallel (≤ 2 round trips a screen). */
export async function unitActivitiesTable(input: UnitActivitiesInput, now: Date, limit = UNIT_ACTIVITIES_SCREEN_ROWS): Promise<{ table: LedgerTable; hasMore: boolean }> {
  const range = ledgerRange(input.from, input.to, now);
  const [unit, logs] = await Promise.all([
    findUnit(input.unitId),
    // Service dates are Shanghai days stored as text: the same range, compared as text.
    unitLogsBetween<ServiceLogRecord>(input.unitId, { start: input.from, end: formatShanghaiDate(range.end) }, input.status ? [input.status] : LISTED, limit + 1),
  ]);
  if (!unit) throw notFound('单位不存在');
  return {
    hasMore: logs.length > limit,
    table: { title: '四进四联工作台账', scopeName: unit.name, periodLabel: range.label, ...unitActivitiesRows(logs.slice(0, limit)) },
  };
}
