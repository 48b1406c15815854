import { z } from 'zod';
import cn2025 from './holidays/cn-2025.json';
import cn2026 from './holidays/cn-2026.json';

/**
 * The mainland public-holiday calendar: one table per year, each transcribed from the State Council's notice
 * (国务院办公厅关于…部分节假日安排的通知) and naming it. A year's table is data: replacing its JSON file changes the
 * calendar without touching code; a new year is one more file and one more line in CN_HOLIDAY_TABLES.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const holidayTableSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.object({ title: z.string().min(1), documentNumber: z.string().min(1), issuedOn: isoDate, url: z.string().url() }).strict(),
    holidays: z.array(z.object({ name: z.string().min(1), from: isoDate, to: isoDate }).strict()),
    /** 调休上班: weekend days that are working days. */
    adjustedWorkdays: z.array(z.object({ date: isoDate, for: z.string().min(1) }).strict()),
  })
  .strict();

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
      if (h.to < h.from) throw new Error(`${table.year} 年节假日表中「${h.name}」的结束日期早于开始日期`);
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

export const CN_HOLIDAY_CALENDAR = createHolidayCalendar(CN_HOLIDAY_TABLES);
