import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS } from '../../../src/domain/activity-types';
import { CHECKIN_STANDING_LABELS, checkinStanding } from '../../../src/domain/checkin-term';
import { OPINION_GRADE_LABELS } from '../../../src/domain/community-opinion';
import { notFound } from '../../../src/domain/errors';
import type { LedgerTable, TableColumn } from '../../../src/domain/ledger-table';
import { yearKey } from '../../../src/domain/service-record';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import { unitMembersPage, type UnitMemberRow } from '../../_shared/repositories/ledger-reads.repository';
import { findUnit } from '../../_shared/repositories/unit.repository';

/** 一单一表: the unit's members, one row each (the screen pages it; the file holds them all). */
export const UNIT_MEMBERS_PAGE = 20;
export const EXPORT_MAX_ROWS = 10_000;

const round1 = (n: number) => Math.round(n * 10) / 10;

const COLUMNS: TableColumn[] = [
  { key: 'name', title: '姓名', kind: 'text', width: 9 },
  { key: 'branch', title: '所在支部', kind: 'text', width: 12 },
  { key: 'community', title: '报到社区', kind: 'text', width: 12 },
  { key: 'standing', title: '报到状态', kind: 'text', width: 11 },
  { key: 'validUntil', title: '有效期至', kind: 'date', width: 11 },
  { key: 'hours', title: '本年确认时长（小时）', kind: 'decimal', width: 10 },
  ...ACTIVITY_TYPES.map((t): TableColumn => ({ key: `type_${t}`, title: `${ACTIVITY_TYPE_LABELS[t]}（小时）`, kind: 'decimal', width: 9 })),
  { key: 'wishes', title: '帮助实现微心愿（个）', kind: 'integer', width: 9 },
  { key: 'opinion', title: '社区意见', kind: 'text', width: 16 },
];

const DEFINITIONS = [
  { column: '报到状态', text: '党员当前的报到：尚未报到、待社区确认、已报到；报到每半年更新一次，过期显示为「已到期，请重新报到」' },
  { column: '本年确认时长', text: '当年（北京时间）经社区确认的服务时长，按服务类型分列' },
  { column: '帮助实现微心愿', text: '党员本人认领并已销号的微心愿数' },
  { column: '社区意见', text: '报到社区当年给出的评先评优意见（优秀、合格、基本合格、不合格）' },
];

function rowOf(m: UnitMemberRow, year: number, now: Date) {
  const standing = checkinStanding(m.checkin, now);
  const totals = m.summary?.years?.[yearKey(year)];
  const opinion = m.opinions.find((o) => o.year === year);
  return {
    name: m.user.member?.name ?? '',
    branch: m.user.member?.partyBranch ?? '',
    community: m.checkin && standing !== 'withdrawn' ? m.checkin.communityName : '',
    standing: CHECKIN_STANDING_LABELS[standing],
    validUntil: m.checkin && (standing === 'active' || standing === 'due' || standing === 'pending') ? formatShanghaiDate(m.checkin.validUntil) : null,
    hours: round1(totals?.hours ?? 0),
    ...Object.fromEntries(ACTIVITY_TYPES.map((t) => [`type_${t}`, round1(totals?.byType?.[t] ?? 0)])),
    wishes: m.wishesHelped,
    opinion: opinion ? `${OPINION_GRADE_LABELS[opinion.grade]}（${opinion.communityName}）${opinion.appeal ? '，本人已申辩' : ''}` : '',
  };
}

/** The file reads the whole unit in pages of 1 000 (the most one query answers), up to EXPORT_MAX_ROWS + 1. */
async function allUnitMembers(unitId: string, now: Date): Promise<UnitMemberRow[]> {
  const out: UnitMemberRow[] = [];
  while (out.length <= EXPORT_MAX_ROWS) {
    const size = Math.min(1000, EXPORT_MAX_ROWS + 1 - out.length);
    const page = await unitMembersPage(unitId, now, out.length, size);
    out.push(...page);
    if (page.length < size) break;
  }
  return out;
}

export async function unitMembersTable(input: { unitId: string; year: number; page?: number }, now: Date, all = false): Promise<{ table: LedgerTable; hasMore: boolean }> {
  const page = input.page ?? 1;
  const limit = all ? EXPORT_MAX_ROWS : UNIT_MEMBERS_PAGE;
  const [unit, members] = await Promise.all([findUnit(input.unitId), all ? allUnitMembers(input.unitId, now) : unitMembersPage(input.unitId, now, (page - 1) * limit, limit + 1)]);
  if (!unit) throw notFound('单位不存在');
  const hasMore = members.length > limit;
  const rows = members.slice(0, limit).map((m) => rowOf(m, input.year, now));
  const sum = (key: string) => round1(rows.reduce((acc, r) => acc + Number((r as Record<string, unknown>)[key] ?? 0), 0));
  return {
    hasMore,
    table: {
      title: '在职党员到社区报到情况一单一表',
      scopeName: unit.name,
      periodLabel: `${input.year}年`,
      columns: COLUMNS,
      rows,
      totals:
        rows.length === 0
          ? null
          : {
              name: `合计 ${rows.length} 人`,
              hours: sum('hours'),
              ...Object.fromEntries(ACTIVITY_TYPES.map((t) => [`type_${t}`, sum(`type_${t}`)])),
              wishes: sum('wishes'),
            },
      definitions: DEFINITIONS,
    },
  };
}
