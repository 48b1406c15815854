import type { Cell, LedgerTable } from './ledger-table';
import { sumCounters, type CounterField, type CounterValues } from './stat-counters';

/**
 * The street / district dashboard (docs/domain.md §统计看板): per community over a range of months, from the month
 * counters only. A rate whose denominator is zero is shown as “—” (null), never as 0 %.
 */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.min(1, part / whole) : null);

type Sums = Record<CounterField, number>;

const figuresOf = (s: Sums): Record<string, Cell> => ({
  checkinRate: ratio(s.checkinConfirmed, s.checkinReviewed),
  hours: s.serviceTenths / 10,
  wishPosted: s.wishPosted,
  wishClaimed: s.wishClaimed,
  wishClosed: s.wishClosed,
  wishOnTime: ratio(s.wishClosedOnTime, s.wishClosed),
  qResponse: ratio(s.qAccepted, s.qReceived),
  qOnTime: ratio(s.qAnsweredOnTime, s.qAnswered),
  qSolved: ratio(s.qAnswered, s.qReceived),
  qSatisfied: ratio(s.qSatisfied, s.qRated),
});

export const DASHBOARD_DEFINITIONS: LedgerTable['definitions'] = [
  { column: '报到率', text: '期间内社区审核的报到中被确认的比例（确认 ÷ 确认与退回之和，按审核时间）。' },
  { column: '服务时长', text: '期间内服务日期落在该月、且已被社区确认的服务纪实时长之和（小时）。' },
  { column: '心愿需求/认领/销号', text: '期间内审核发布、被认领、销号的微心愿数（各按其发生时间）。' },
  { column: '按期销号率', text: '期间内销号的心愿中，在认领期限内完成送达的比例。' },
  { column: '问政响应率', text: '期间内已受理的问题数 ÷ 期间内收到的问题数。' },
  { column: '问政按期率', text: '期间内首次答复的问题中，在答复期限内答复的比例。' },
  { column: '问政解决率', text: '期间内首次答复的问题数 ÷ 期间内收到的问题数。' },
  { column: '问政满意率', text: '期间内评价为“满意”或“基本满意”的问题 ÷ 期间内被评价的问题。' },
];

export interface MonthTrend {
  month: string;
  hours: number;
  wishPosted: number;
  wishClosed: number;
  qReceived: number;
  qAnswered: number;
  checkinConfirmed: number;
}

export function dashboardTable(input: {
  scopeName: string;
  periodLabel: string;
  communities: readonly { id: string; name: string }[];
  counters: readonly { scopeId: string; period: string; values: CounterValues }[];
  months: readonly string[];
}): { table: LedgerTable; trend: MonthTrend[] } {
  const rows = input.communities.map((c) => ({
    community: c.name,
    ...figuresOf(sumCounters(input.counters.filter((d) => d.scopeId === c.id).map((d) => d.values))),
  }));
  const all = sumCounters(input.counters.map((d) => d.values));
  const trend = input.months.map((month) => {
    const s = sumCounters(input.counters.filter((d) => d.period === month).map((d) => d.values));
    return { month, hours: s.serviceTenths / 10, wishPosted: s.wishPosted, wishClosed: s.wishClosed, qReceived: s.qReceived, qAnswered: s.qAnswered, checkinConfirmed: s.checkinConfirmed };
  });
  const table: LedgerTable = {
    title: '党建服务统计看板',
    scopeName: input.scopeName,
    periodLabel: input.periodLabel,
    columns: [
      { key: 'community', title: '社区', kind: 'text', width: 16 },
      { key: 'checkinRate', title: '报到率', kind: 'percent', width: 10 },
      { key: 'hours', title: '服务时长（小时）', kind: 'decimal', width: 12 },
      { key: 'wishPosted', title: '心愿需求', kind: 'integer', width: 10 },
      { key: 'wishClaimed', title: '心愿认领', kind: 'integer', width: 10 },
      { key: 'wishClosed', title: '心愿销号', kind: 'integer', width: 10 },
      { key: 'wishOnTime', title: '按期销号率', kind: 'percent', width: 10 },
      { key: 'qResponse', title: '问政响应率', kind: 'percent', width: 10 },
      { key: 'qOnTime', title: '问政按期率', kind: 'percent', width: 10 },
      { key: 'qSolved', title: '问政解决率', kind: 'percent', width: 10 },
      { key: 'qSatisfied', title: '问政满意率', kind: 'percent', width: 10 },
    ],
    rows,
    totals: { community: '合计', ...figuresOf(all) },
    definitions: DASHBOARD_DEFINITIONS,
  };
  return { table, trend };
}
