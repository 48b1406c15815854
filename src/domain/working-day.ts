import { CN_HOLIDAY_CALENDAR, nextDate, type HolidayCalendar } from './holiday-calendar';
import { formatShanghaiDate, parseShanghaiDate } from './shanghai-time';

/** Working-day deadlines, counted on Shanghai calendar dates whatever zone the function instance runs in. */

/** The last millisecond of a Shanghai calendar date: a deadline "by the end of that day". */
export function endOfShanghaiDay(date: string): Date {
  const nextStart = parseShanghaiDate(nextDate(date));
  if (!nextStart) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(nextStart.getTime() - 1);
}

/** The n-th working day strictly after `date` (n ≥ 1): the day something arrives never counts. */
export function nthWorkingDayAfter(date: string, n: number, calendar: HolidayCalendar = CN_HOLIDAY_CALENDAR): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = nextDate(day);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/**
 * "Within n working days" of an instant: by the end of the n-th working day after the day it happened,
 * whatever the hour — a question asked on Friday evening or on a holiday is due counting from the next working day.
 */
export function workingDayDeadline(from: Date, n: number, calendar: HolidayCalendar = CN_HOLIDAY_CALENDAR): Date {
  return endOfShanghaiDay(nthWorkingDayAfter(formatShanghaiDate(from), n, calendar));
}

/** A deadline and whether it is only 预计: some day it counted over lies in a year the calendar has no table for. */
export interface Due {
  at: Date;
  provisional: boolean;
}

/**
 * `workingDayDeadline` with its certainty: in a year without a table only weekends count as days off, so the result
 * is provisional (预计) until that year's table is entered and the deadline is computed again.
 */
export function workingDayDue(from: Date, n: number, calendar: HolidayCalendar = CN_HOLIDAY_CALENDAR): Due {
  const start = formatShanghaiDate(from);
  const due = nthWorkingDayAfter(start, n, calendar);
  let provisional = false;
  for (let year = Number(nextDate(start).slice(0, 4)); year <= Number(due.slice(0, 4)); year += 1) provisional ||= !calendar.covers(year);
  return { at: endOfShanghaiDay(due), provisional };
}
