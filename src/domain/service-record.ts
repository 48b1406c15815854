import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS, type ActivityType } from './activity-types';
import type { ServiceTotalsView } from './service-log.schema';

/**
 * Totals of a member's record. Kept in one summary document per member, changed in the transaction that confirms
 * a log, so the record page reads one document whatever the number of logs.
 */
export const POINTS_PER_HOUR = 1;

export interface ServiceTotals {
  hours: number;
  activities: number;
  byType: Partial<Record<ActivityType, number>>;
}

export interface ServiceSummary extends ServiceTotals {
  /** Per year (Shanghai), keyed `y2025`: a bare number in an update path would read as an array index. */
  years: Record<string, ServiceTotals>;
}

export interface ConfirmedEntry {
  type: ActivityType;
  year: number;
  hours: number;
}

/**
 * What confirming a log adds. A correction that replaces a confirmed log adds only the difference and no new
 * activity (nothing is deleted: the old log stays, marked superseded).
 */
export function confirmationDelta(entry: ConfirmedEntry, replaces: ConfirmedEntry | null): { entry: ConfirmedEntry; activities: number } {
  return { entry: { ...entry, hours: entry.hours - (replaces?.hours ?? 0) }, activities: replaces ? 0 : 1 };
}

/**
 * What one activity credits a member, across its log and every 补录, after confirming `hours` in place of
 * `replaces` (the confirmed log it corrects, if any): never more than the activity's length. Checked when a
 * correction is requested and again, inside the confirming transaction, when one is confirmed.
 */
export function creditAfter(credited: number, replaces: number, hours: number, cap: number): { ok: true; credited: number } | { ok: false; message: string } {
  const next = Math.max(0, credited - replaces) + hours;
  if (next > cap + 1e-9) {
    return { ok: false, message: `该活动已确认 ${credited} 小时，再计入 ${hours} 小时将超过活动时长（${cap} 小时），请对已确认的记录申请补录` };
  }
  return { ok: true, credited: next };
}

export const pointsFor = (hours: number) => Math.floor(hours * POINTS_PER_HOUR * 10) / 10;

export function toTotalsView(totals: ServiceTotals | undefined): ServiceTotalsView {
  const t = totals ?? { hours: 0, activities: 0, byType: {} };
  return {
    hours: t.hours,
    activities: t.activities,
    points: pointsFor(t.hours),
    byType: ACTIVITY_TYPES.filter((type) => (t.byType[type] ?? 0) > 0).map((type) => ({ type, label: ACTIVITY_TYPE_LABELS[type], hours: t.byType[type] ?? 0 })),
  };
}

export const yearKey = (year: number) => `y${year}`;

export const yearsOf = (summary: ServiceSummary | null) =>
  Object.keys(summary?.years ?? {})
    .map((key) => Number(key.slice(1)))
    .filter((year) => Number.isInteger(year))
    .sort((a, b) => b - a);
