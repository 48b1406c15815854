import { CN_HOLIDAY_TABLES, calendarWith, missingTableWarning, missingTableYear, SHIPPED_HOLIDAY_YEARS, type HolidayTable } from '../../../src/domain/holiday-calendar';
import { invalidArgument } from '../../../src/domain/errors';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import { canEnterHolidayTable, canSeeHolidayCalendar } from '../../../src/domain/user.policy';
import { userActions, type HolidayCalendarView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { listHolidayTables, saveHolidayTable } from '../../_shared/repositories/holiday-table.repository';

/** The shipped and the entered tables as of now, and the warning when this or (from 1 November) next year's is missing. */
async function calendarView(now: Date): Promise<HolidayCalendarView> {
  const entered = (await listHolidayTables()).filter((t) => !SHIPPED_HOLIDAY_YEARS.includes(t.year));
  const missing = missingTableYear(formatShanghaiDate(now), calendarWith(entered));
  const row = (t: HolidayTable, isEntered: boolean) => ({ year: t.year, title: t.source.title, documentNumber: t.source.documentNumber, entered: isEntered });
  return {
    warning: missing === null ? null : missingTableWarning(missing),
    tables: [...(CN_HOLIDAY_TABLES as HolidayTable[]).map((t) => row(t, false)), ...entered.map((t) => row(t, true))].sort((a, b) => a.year - b.year),
  };
}

/** Read by every staff workbench and the admin console (one read). */
export const holidayCalendar = defineAction({
  schema: userActions.holidayCalendar,
  access: 'user',
  authorize: canSeeHolidayCalendar,
  handler: (_input, ctx): Promise<HolidayCalendarView> => calendarView(ctx.now()),
});

/**
 * An admin enters (or corrects) a year's 放假调休 table. Its `_id` is the year, so a retry writes the same document.
 * Open questions' 预计 deadlines become firm on the qa escalation timer's next run (cloudfunctions/qa).
 */
export const enterHolidayTable = defineAction({
  schema: userActions.enterHolidayTable,
  access: 'user',
  authorize: canEnterHolidayTable,
  async handler(input, ctx): Promise<HolidayCalendarView> {
    if (SHIPPED_HOLIDAY_YEARS.includes(input.table.year)) {
      throw invalidArgument([{ field: 'table.year', message: `${input.table.year} 年的节假日安排已内置于程序，无需录入` }]);
    }
    await saveHolidayTable(input.table, ctx.openid);
    return calendarView(ctx.now());
  },
});
