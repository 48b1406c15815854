import { invalidArgument } from './errors';
import { inShanghai } from './shanghai-time';

/**
 * 星级评定情况统计表 报送 (docs/domain.md "五星创评"): the rating organisation reports its table to the level above
 * every half year, once per half. Pure: the handler stores what is reported the way the quarterly 四进四联 报送 is
 * stored (a snapshot beside the counters), under the period key made here.
 */
export const HALVES = [1, 2] as const;
export type Half = (typeof HALVES)[number];

export const HALF_LABELS: Record<Half, string> = { 1: '上半年', 2: '下半年' };

/** Distinct from the quarterly keys (`2026-Q1`), so the two kinds of 报送 never collide in one list. */
export const starReportPeriod = (year: number, half: Half) => `star-${year}-H${half}`;
export const starReportLabel = (year: number, half: Half) => `${year}年${HALF_LABELS[half]}`;

export const halfOf = (at: Date): { year: number; half: Half } => {
  const local = inShanghai(at);
  return { year: local.year(), half: local.month() < 6 ? 1 : 2 };
};

/** A half-year that has not begun has nothing to report: refused with the field and the reason. */
export function assertHalfNotFuture(year: number, half: Half, now: Date): void {
  const current = halfOf(now);
  if (year > current.year || (year === current.year && half > current.half)) {
    throw invalidArgument([{ field: 'half', message: `${starReportLabel(year, half)}尚未开始，不能报送` }]);
  }
}

export const STAR_REPORTED = '本半年度星级评定情况统计表已报送，不能重复报送';
