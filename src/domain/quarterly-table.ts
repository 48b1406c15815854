import type { LedgerTable, TableColumn } from './ledger-table';
import type { QuarterlyScope } from './ledger.schema';
import { sumCounters, type CounterField, type CounterValues } from './stat-counters';
import { monthsOfQuarter, quarterLabel } from './stat-period';

/**
 * 四进四联 活动进展情况统计表 (docs/domain.md §统计表): the seven columns of the form, each one counter summed over the
 * quarter's three Shanghai months. The definitions are shown under the table and written into its file.
 */
export const QUARTERLY_TITLE = '“四进四联”活动进展情况统计表';

interface QuarterlyColumn {
  key: string;
  title: string;
  field: CounterField;
  unit: string;
  community: string;
}

export const QUARTERLY_COLUMNS: readonly QuarterlyColumn[] = [
  {
    key: 'participants',
    title: '参与党员干部数',
    field: 'participants',
    unit: '本单位党员中，本季度至少有一条服务纪实（含参加活动签到签退形成的纪实）被社区确认的人数（每人每季度计一次，计入其本季度最早一次已确认服务所在月份）。',
    community: '在本社区有服务纪实（含参加活动形成的纪实）于本季度被确认的党员人数（每人每季度计一次）。',
  },
  {
    key: 'linkPoints',
    title: '建立连心点数',
    field: 'checkinConfirmed',
    unit: '本单位党员向社区报到、于本季度被社区确认的次数（每次确认的报到即与一个社区建立一个连心点）。',
    community: '向本社区报到、于本季度被确认的党员人次。',
  },
  {
    key: 'paired',
    title: '结对帮扶群众数',
    field: 'wishClaimed',
    unit: '本季度由本单位或本单位党员认领的微心愿数（每个心愿对应一位结对帮扶的群众）。',
    community: '本季度本社区被认领的微心愿数。',
  },
  {
    key: 'funds',
    title: '提供帮扶资金数（元）',
    field: 'wishFunds',
    unit: '本季度销号的、由本单位或本单位党员认领的微心愿的登记价值之和（元）。',
    community: '本季度本社区销号的微心愿的登记价值之和（元）。',
  },
  {
    key: 'opinions',
    title: '征求意见建议数',
    field: 'qReceived',
    unit: '本季度转交给本单位并被本单位接收的网络问政问题数（按接收时间）。',
    community: '本季度群众向本社区提出的网络问政问题数（按提问时间）。',
  },
  {
    key: 'solved',
    title: '帮助解决问题数',
    field: 'qAnswered',
    unit: '本季度由本单位首次答复的网络问政问题数（按首次答复时间）。',
    community: '本季度本社区首次答复的网络问政问题数（按首次答复时间）。',
  },
  {
    key: 'wishes',
    title: '实现群众微心愿数',
    field: 'wishClosed',
    unit: '本季度销号的、认领人属于本单位（单位认领或本单位党员认领）的微心愿数（按销号时间）。',
    community: '本季度本社区销号的微心愿数（按销号时间）。',
  },
];

const MONTH_COLUMN: TableColumn = { key: 'month', title: '月份', kind: 'text', width: 12 };

export interface QuarterlyCounters {
  period: string;
  values: CounterValues;
}

/** The table from the quarter's month counters (missing months count as zero). Pure: the export calls it too. */
export function quarterlyTable(input: {
  scopeType: QuarterlyScope;
  scopeName: string;
  year: number;
  quarter: number;
  counters: readonly QuarterlyCounters[];
}): LedgerTable {
  const months = monthsOfQuarter(input.year, input.quarter);
  const rows = months.map((month) => {
    const sum = sumCounters(input.counters.filter((c) => c.period === month).map((c) => c.values));
    return { month: `${Number(month.slice(5))}月`, ...Object.fromEntries(QUARTERLY_COLUMNS.map((c) => [c.key, sum[c.field]])) };
  });
  const totalSum = sumCounters(input.counters.filter((c) => months.includes(c.period)).map((c) => c.values));
  return {
    title: QUARTERLY_TITLE,
    scopeName: input.scopeName,
    periodLabel: quarterLabel(input.year, input.quarter),
    columns: [MONTH_COLUMN, ...QUARTERLY_COLUMNS.map((c) => ({ key: c.key, title: c.title, kind: 'integer' as const, width: 14 }))],
    rows,
    totals: { month: '季度合计', ...Object.fromEntries(QUARTERLY_COLUMNS.map((c) => [c.key, totalSum[c.field]])) },
    definitions: QUARTERLY_COLUMNS.map((c) => ({ column: c.title, text: input.scopeType === 'unit' ? c.unit : c.community })),
  };
}

/**
 * The 四进四联 figures of a scope over any run of months (五星创评's 工作业绩 reference: the year so far), each the
 * sum of the same counter its column of the quarterly table sums. 参与党员干部数 counts a member once per quarter, so
 * over a year it is 人次.
 */
export function fourLinksFigures(counters: readonly CounterValues[]): { title: string; value: number }[] {
  const sum = sumCounters(counters);
  return QUARTERLY_COLUMNS.map((c) => ({ title: c.key === 'participants' ? '参与党员干部人次' : c.title, value: sum[c.field] }));
}
