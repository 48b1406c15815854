import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Wall-clock time of the users (Asia/Shanghai, UTC+8 all year, no DST). Explicit offset arithmetic so the
 * result is the same whatever zone the function instance or the phone runs in.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const MINUTE_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const inShanghai = (at: Date | string | number) => dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);

/** `2025-06-01 09:30` read as Shanghai time; null when it is not a real minute of the calendar. */
export function parseShanghaiMinute(text: string): Date | null {
  const m = MINUTE_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const utcMs = Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MINUTES * 60_000;
  const back = inShanghai(utcMs);
  // Date.UTC rolls 02-30 over into March; a rolled-over date is not what the person typed.
  if (back.year() !== year || back.month() !== month - 1 || back.date() !== day || hour > 23 || minute > 59) return null;
  return new Date(utcMs);
}

/** `2025-06-01` → the start of that day in Shanghai; null when it is not a real date. */
export function parseShanghaiDate(text: string): Date | null {
  return DATE_PATTERN.test(text) ? parseShanghaiMinute(`${text} 00:00`) : null;
}

export const formatShanghaiMinute = (at: Date | string) => inShanghai(at).format('YYYY-MM-DD HH:mm');
export const formatShanghaiDate = (at: Date | string) => inShanghai(at).format('YYYY-MM-DD');
export const shanghaiYear = (at: Date | string) => inShanghai(at).year();

/** The same wall-clock moment `months` later (end-of-month days clamp, as dayjs does). */
export const addShanghaiMonths = (at: Date, months: number) => inShanghai(at).add(months, 'month').toDate();
