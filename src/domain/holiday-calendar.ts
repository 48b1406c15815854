import { z } from 'zod';
import cn2025 from './holidays/cn-2025.json';
import cn2026 from './holidays/cn-2026.json';

/**
 * The mainland public-holiday calendar: one table per year, each transcribed from the State Council's notice
 * (国务院办公厅关于…部分节假日安排的通知) and naming it. A year's table is data: replacing its JSON file changes the
 * calendar without touching code; a new year is one more file and one more line in CN_HOLIDAY_TABLES.
 */
const isoDate = z.string({ error: '请填写日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const named = (label: string) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(40, `${label}不能超过 40 个字`);

export const holidayTableSchema = z
  .object({
    year: z.number({ error: '请填写年份' }).int('年份必须是整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100'),
    source: z
      .object({
        title: named('通知标题').max(80, '通知标题不能超过 80 个字'),
        documentNumber: named('文号'),
        issuedOn: isoDate,
        url: z.string({ error: '请填写通知链接' }).url('通知链接应为 https:// 开头的网址'),
      })
      .strict(),
    holidays: z.array(z.object({ name: named('节日名称'), from: isoDate, to: isoDate }).strict(), { error: '请填写放假安排' }).min(1, '请至少填写一项放假安排'),
    /** 调休上班: weekend days that are working days. */
    adjustedWorkdays: z.array(z.object({ date: isoDate, for: named('调休对应的节日') }).strict(), { error: '请填写调休上班日' }),
  })
  .strict()
  .superRefine((t, ctx) => {
    // A notice's days lie in its year, except 元旦 that may start in the last days of the year before.
    const inYear = (date: string) => date.slice(0, 4) === String(t.year) || date.slice(0, 4) === String(t.year - 1);
    t.holidays.forEach((h, i) => {
      if (h.to < h.from) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'to'], message: `「${h.name}」的结束日期早于开始日期` });
      if (!inYear(h.from) || !inYear(h.to)) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'from'], message: `「${h.name}」的日期不在 ${t.year} 年` });
    });
    t.adjustedWorkdays.forEach((w, i) => {
      if (!inYear(w.date)) ctx.addIssue({ code: 'custom', path: ['adjustedWorkdays', i, 'date'], message: `调休上班日 ${w.date} 不在 ${t.year} 年` });
      else if (weekdayOf(w.date) !== 0 && weekdayOf(w.date) !== 6) ctx.addIssue({ code: 'custom', path: ['adjustedWorkdays', i, 'date'], message: `调休上班日 ${w.date} 不是周末` });
    });
  });

export type HolidayTable = z.infer<typeof holidayTableSchema>;

export interface HolidayCalendar {
  /** Whether the table for that year is present; outside it only weekends are days off. */
  covers(year: number): boolean;
  /** A calendar date (YYYY-MM-DD) is a working day: an adjusted working weekend, or a weekday that is no holiday. */
  isWorkingDay(date: string): boolean;
  /** The holiday's name for a day off by the notice, else undefined. */
  holidayOf(date: string): string | undefined;
  sources(): HolidayTable['source'][];
}

const DAY_MS = 86_400_000;
const utcOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const dateOf = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);
/** Day of week of a calendar date, 0 = Sunday (independent of the process time zone). */
export const weekdayOf = (date: string) => new Date(utcOf(date)).getUTCDay();
export const nextDate = (date: string, days = 1) => dateOf(utcOf(date) + days * DAY_MS);

export function createHolidayCalendar(tables: readonly unknown[]): HolidayCalendar {
  const parsed = tables.map((t) => holidayTableSchema.parse(t));
  const years = new Set(parsed.map((t) => t.year));
  const daysOff = new Map<string, string>();
  const workdays = new Set<string>();
  for (const table of parsed) {
    for (const h of table.holidays) {
      for (let d = h.from; d <= h.to; d = nextDate(d)) daysOff.set(d, h.name);
    }
    for (const w of table.adjustedWorkdays) workdays.add(w.date);
  }
  return {
    covers: (year) => years.has(year),
    isWorkingDay(date) {
      if (workdays.has(date)) return true;
      if (daysOff.has(date)) return false;
      const weekday = weekdayOf(date);
      return weekday !== 0 && weekday !== 6;
    },
    holidayOf: (date) => daysOff.get(date),
    sources: () => parsed.map((t) => t.source),
  };
}

export const CN_HOLIDAY_TABLES: readonly unknown[] = [cn2025, cn2026];

/** Years whose table ships with the code: an admin enters only the others. */
export const SHIPPED_HOLIDAY_YEARS: readonly number[] = CN_HOLIDAY_TABLES.map((t) => (t as HolidayTable).year);

export const CN_HOLIDAY_CALENDAR = createHolidayCalendar(CN_HOLIDAY_TABLES);

/** The shipped tables plus those an admin entered (docs/domain.md: the holiday calendar); shipped years win. */
export const calendarWith = (entered: readonly HolidayTable[]): HolidayCalendar =>
  entered.length === 0 ? CN_HOLIDAY_CALENDAR : createHolidayCalendar([...CN_HOLIDAY_TABLES, ...entered.filter((t) => !SHIPPED_HOLIDAY_YEARS.includes(t.year))]);

/** From 1 November the next year's table is due: the month (1–12) from which staff are warned it is missing. */
export const NEXT_YEAR_WARNING_MONTH = 11;

/**
 * The year whose missing table staff must be warned about on a Shanghai date (YYYY-MM-DD): this year's if it is
 * missing, next year's from 1 November; null when the calendar covers both.
 */
export function missingTableYear(today: string, calendar: HolidayCalendar): number | null {
  const year = Number(today.slice(0, 4));
  if (!calendar.covers(year)) return year;
  if (Number(today.slice(5, 7)) >= NEXT_YEAR_WARNING_MONTH && !calendar.covers(year + 1)) return year + 1;
  return null;
}

export const missingTableWarning = (year: number) => `${year} 年的节假日安排尚未录入，问政期限暂按预计计算`;
