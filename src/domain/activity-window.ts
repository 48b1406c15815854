import { formatShanghaiMinute } from './shanghai-time';

/**
 * Time rules of an activity (docs/domain.md §2): check-in from 2 h before the start until the end, check-out until
 * 2 h after the end; hours are the time served inside [start, end] (travel excluded), rounded down to 0.5 h.
 */
const HOUR_MS = 3_600_000;
export const CHECKIN_OPENS_BEFORE_START_MS = 2 * HOUR_MS;
export const CHECKOUT_CLOSES_AFTER_END_MS = 2 * HOUR_MS;
/** An activity is one sitting; anything longer is a data-entry slip. */
export const MAX_ACTIVITY_MS = 24 * HOUR_MS;

export interface ActivityTimes {
  startAt: Date;
  endAt: Date;
}

export type WindowVerdict = { open: true } | { open: false; message: string };

const t = (d: Date) => d.getTime();

export function checkInWindow(activity: ActivityTimes, now: Date): WindowVerdict {
  const opens = new Date(t(activity.startAt) - CHECKIN_OPENS_BEFORE_START_MS);
  if (t(now) < t(opens)) return { open: false, message: `签到尚未开始：活动开始前 2 小时起可签到（${formatShanghaiMinute(opens)} 起）` };
  if (t(now) > t(activity.endAt)) return { open: false, message: `活动已于 ${formatShanghaiMinute(activity.endAt)} 结束，签到已关闭；如确有参加，可申请补录` };
  return { open: true };
}

export function checkOutWindow(activity: ActivityTimes, now: Date): WindowVerdict {
  const closes = new Date(t(activity.endAt) + CHECKOUT_CLOSES_AFTER_END_MS);
  if (t(now) > t(closes)) return { open: false, message: `签退已于 ${formatShanghaiMinute(closes)} 截止（活动结束后 2 小时内可签退）；如需更正时长，请申请补录` };
  return { open: true };
}

/** Hours rounded down to the half hour: 1 h 29 min → 1, 1 h 30 min → 1.5. */
export const floorToHalfHour = (ms: number) => Math.max(0, Math.floor(ms / (HOUR_MS / 2)) / 2);

export function servedHours(activity: ActivityTimes, checkedInAt: Date, checkedOutAt: Date): number {
  const from = Math.max(t(checkedInAt), t(activity.startAt));
  const to = Math.min(t(checkedOutAt), t(activity.endAt));
  return floorToHalfHour(to - from);
}

/** The most a correction (补录) may claim for this activity. */
export const activityLengthHours = (activity: ActivityTimes) => floorToHalfHour(t(activity.endAt) - t(activity.startAt));

export type ActivityPhase = 'upcoming' | 'checkin_open' | 'ended' | 'closed';

/** For the UI: what a member can do now. `ended` still allows check-out; `closed` allows nothing. */
export function activityPhase(activity: ActivityTimes, now: Date): ActivityPhase {
  if (t(now) < t(activity.startAt) - CHECKIN_OPENS_BEFORE_START_MS) return 'upcoming';
  if (t(now) <= t(activity.endAt)) return 'checkin_open';
  if (t(now) <= t(activity.endAt) + CHECKOUT_CLOSES_AFTER_END_MS) return 'ended';
  return 'closed';
}
