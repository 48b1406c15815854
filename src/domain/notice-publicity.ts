import { nextDate } from './holiday-calendar';
import { DEFAULT_PUBLICITY_DAYS, PUBLICITY_CATEGORIES, type NoticeCategory } from './notice.schema';
import { formatShanghaiDate } from './shanghai-time';
import { endOfShanghaiDay } from './working-day';

/**
 * A 公示 runs for whole calendar days counting the day it is published (公示期 7 天 from 10-01 ends with 10-07),
 * then it is archived: still readable, no longer among the current notices.
 */
export function publicityEndsAt(category: NoticeCategory, publishedAt: Date, days = DEFAULT_PUBLICITY_DAYS): Date | null {
  if (!PUBLICITY_CATEGORIES.includes(category)) return null;
  return endOfShanghaiDay(nextDate(formatShanghaiDate(publishedAt), days - 1));
}

export const isArchived = (endsAt: Date | null, now: Date) => endsAt !== null && now.getTime() > endsAt.getTime();

/** Current notices: pinned first, then newest; archived ones keep newest first and are never pinned to the top. */
export function orderNotices<T extends { pinned: boolean; publishedAt: Date | string; archived: boolean }>(items: T[]): { current: T[]; archived: T[] } {
  const newest = (a: T, b: T) => new Date(b.publishedAt).getTime() - new Date(a.publishedAt).getTime();
  const current = items.filter((n) => !n.archived).sort((a, b) => Number(b.pinned) - Number(a.pinned) || newest(a, b));
  return { current, archived: items.filter((n) => n.archived).sort(newest) };
}
