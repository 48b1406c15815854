import { calendarWith, type HolidayCalendar } from '../../src/domain/holiday-calendar';
import { listHolidayTables } from './repositories/holiday-table.repository';

/**
 * The holiday calendar a function counts deadlines with: the shipped tables plus the entered ones, read at most once
 * per invocation and cached per instance. A table entered meanwhile reaches every instance within the TTL; a deadline
 * computed in that window is provisional and the qa escalation timer (which reads fresh) makes it firm.
 */
const TTL_MS = 60_000;
let cached: { at: number; calendar: HolidayCalendar } | null = null;

export async function holidayCalendar(options: { fresh?: boolean } = {}): Promise<HolidayCalendar> {
  if (!options.fresh && cached && Date.now() - cached.at < TTL_MS) return cached.calendar;
  const calendar = calendarWith(await listHolidayTables());
  cached = { at: Date.now(), calendar };
  return calendar;
}
