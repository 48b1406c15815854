import type { FieldIssue } from './errors';
import { formatShanghaiDate } from './shanghai-time';

/** How far from now a planned date (an activity, a campaign's publication) may lie: a typo such as 2205 is refused. */
export const PLANNING_YEARS = 3;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** A self-reported service day: on or after the day the member registered, and not after today (Shanghai). */
export function serviceDateIssue(serviceDate: string, registeredAt: Date | null, now: Date): FieldIssue | null {
  if (serviceDate > formatShanghaiDate(now)) return { field: 'serviceDate', message: '服务日期不能晚于今天' };
  if (registeredAt && serviceDate < formatShanghaiDate(registeredAt)) {
    return { field: 'serviceDate', message: `服务日期不能早于报到登记日（${formatShanghaiDate(registeredAt)}）` };
  }
  return null;
}

/** A planned time within PLANNING_YEARS of now, either way. */
export function plannedTimeIssue(field: string, label: string, at: Date, now: Date): FieldIssue | null {
  const offset = at.getTime() - now.getTime();
  if (offset > PLANNING_YEARS * YEAR_MS) return { field, message: `${label}不能晚于 ${PLANNING_YEARS} 年后，请检查年份` };
  if (offset < -PLANNING_YEARS * YEAR_MS) return { field, message: `${label}不能早于 ${PLANNING_YEARS} 年前，请检查年份` };
  return null;
}
