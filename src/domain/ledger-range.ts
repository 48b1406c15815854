import { invalidArgument } from './errors';
import { formatShanghaiDate, parseShanghaiDate } from './shanghai-time';

/** The longest range a ledger covers in one list or file: a year keeps every read bounded. */
export const MAX_LEDGER_DAYS = 366;

/**
 * A ledger's date range (Shanghai days, both inclusive) as instants [start, end): refused when reversed, when it
 * starts in the future, or when it is longer than a year. The list and the export both go through here.
 */
export function ledgerRange(from: string, to: string, now: Date): { start: Date; end: Date; label: string } {
  const start = parseShanghaiDate(from);
  const last = parseShanghaiDate(to);
  if (!start) throw invalidArgument([{ field: 'from', message: '开始日期不正确' }]);
  if (!last) throw invalidArgument([{ field: 'to', message: '结束日期不正确' }]);
  if (from > to) throw invalidArgument([{ field: 'from', message: '开始日期不能晚于结束日期' }]);
  if (from > formatShanghaiDate(now)) throw invalidArgument([{ field: 'from', message: '开始日期不能晚于今天' }]);
  const end = new Date(last.getTime() + 24 * 3600_000);
  if ((end.getTime() - start.getTime()) / (24 * 3600_000) > MAX_LEDGER_DAYS) {
    throw invalidArgument([{ field: 'from', message: `统计范围最长 ${MAX_LEDGER_DAYS} 天，请缩短范围` }]);
  }
  return { start, end, label: `${from} 至 ${to}` };
}

/** The ranges a ledger screen offers as choices (pickers, not typing), ending today at the latest. */
export function presetRanges(now: Date): { value: string; label: string; from: string; to: string }[] {
  const today = formatShanghaiDate(now);
  const [y, m] = today.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  const quarterStart = `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
  return [
    { value: 'month', label: '本月', from: `${y}-${pad(m)}-01`, to: today },
    { value: 'quarter', label: '本季度', from: quarterStart, to: today },
    { value: 'year', label: `${y}年（至今）`, from: `${y}-01-01`, to: today },
    { value: 'last-year', label: `${y - 1}年`, from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
  ];
}

/** The years an annual view offers: this year and the two before. */
export const recentYears = (now: Date): number[] => {
  const y = Number(formatShanghaiDate(now).slice(0, 4));
  return [y, y - 1, y - 2];
};
