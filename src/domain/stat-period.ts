import { invalidArgument } from './errors';
import { inShanghai, SHANGHAI_OFFSET_MINUTES } from './shanghai-time';

/**
 * Statistics periods. Counters are kept per calendar month in Asia/Shanghai (`2026-11`); a quarter or a year is
 * the sum of at most 12 month documents, so every table reads a bounded number of counters.
 */
export type MonthKey = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The Shanghai calendar month an instant falls in. */
export const monthOf = (at: Date | string): MonthKey => inShanghai(at).format('YYYY-MM');

/** The Shanghai quarter an instant falls in. */
export function quarterOf(at: Date | string): { year: number; quarter: number } {
  const local = inShanghai(at);
  return { year: local.year(), quarter: Math.floor(local.month() / 3) + 1 };
}

export const quarterKey = (year: number, quarter: number) => `${year}-Q${quarter}`;
export const quarterLabel = (year: number, quarter: number) => `${year}年第${quarter}季度`;

/** The three month keys of a quarter. */
export const monthsOfQuarter = (year: number, quarter: number): MonthKey[] => [0, 1, 2].map((i) => `${year}-${pad((quarter - 1) * 3 + i + 1)}`);

/** [start, end) of a quarter as instants: 00:00 Shanghai on its first day to 00:00 Shanghai after its last. */
export function quarterBounds(year: number, quarter: number): { start: Date; end: Date } {
  const offset = SHANGHAI_OFFSET_MINUTES * 60_000;
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1) - offset);
  const end = new Date(Date.UTC(year, quarter * 3, 1) - offset);
  return { start, end };
}

/** The month after `month` (both `YYYY-MM`). */
export const nextMonth = (month: MonthKey): MonthKey => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
};

/**
 * The months whose counter documents are kept ready ahead of any transition (this one and the next): the nightly
 * timer makes them for every community and unit, and creating a community or unit makes its own at once.
 */
export const monthsAhead = (now: Date): MonthKey[] => [monthOf(now), nextMonth(monthOf(now))];

/** Every month key from `from` to `to` inclusive (both `YYYY-MM`). */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${pad(m)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** A quarter that has not begun yet has nothing to count: refused with the field and the reason. */
export function assertQuarterNotFuture(year: number, quarter: number, now: Date): void {
  const current = quarterOf(now);
  if (year > current.year || (year === current.year && quarter > current.quarter)) {
    throw invalidArgument([{ field: 'quarter', message: `${quarterLabel(year, quarter)}尚未开始，不能统计` }]);
  }
}

/** The dashboard's month range: not reversed, not in the future, at most 12 months (bounded reads). */
export const MAX_RANGE_MONTHS = 12;
export function assertMonthRange(from: MonthKey, to: MonthKey, now: Date): MonthKey[] {
  if (from > to) throw invalidArgument([{ field: 'from', message: '开始月份不能晚于结束月份' }]);
  if (to > monthOf(now)) throw invalidArgument([{ field: 'to', message: '结束月份不能晚于本月' }]);
  const months = monthsBetween(from, to);
  if (months.length > MAX_RANGE_MONTHS) throw invalidArgument([{ field: 'from', message: `统计范围最多 ${MAX_RANGE_MONTHS} 个月` }]);
  return months;
}

/** The quarters a picker offers: the current one first, then the ones before (never a future one). */
export function recentQuarters(now: Date, count = 8): { value: string; label: string; year: number; quarter: number }[] {
  let { year, quarter } = quarterOf(now);
  const out: { value: string; label: string; year: number; quarter: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push({ value: quarterKey(year, quarter), label: quarterLabel(year, quarter), year, quarter });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** The dashboard's ranges: the last 3, 6 and 12 months up to this one, and this year so far. */
export function recentMonthRanges(now: Date): { value: string; label: string; from: MonthKey; to: MonthKey }[] {
  const to = monthOf(now);
  const back = (n: number) => {
    const [y, m] = to.split('-').map(Number);
    const index = y * 12 + (m - 1) - (n - 1);
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  };
  return [
    { value: 'm3', label: '近 3 个月', from: back(3), to },
    { value: 'm6', label: '近 6 个月', from: back(6), to },
    { value: 'm12', label: '近 12 个月', from: back(12), to },
    { value: 'year', label: `${to.slice(0, 4)}年以来`, from: `${to.slice(0, 4)}-01`, to },
  ];
}
