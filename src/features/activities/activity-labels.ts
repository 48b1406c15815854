import { ATTENDANCE_STATUS_LABELS, type ActivityView } from '@/domain/activity.schema';

/** One line on what the caller's part in an activity is, for cards and the detail page. */
export function myPartLabel(activity: ActivityView): string {
  const mine = activity.mine;
  if (!mine) return activity.signedUp >= activity.capacity ? '名额已满' : `名额 ${activity.signedUp}/${activity.capacity}`;
  if (mine.status === 'checked_out') return mine.hours ? `已签退 · ${mine.hours} 小时` : '已签退';
  return ATTENDANCE_STATUS_LABELS[mine.status];
}

export const PHASE_LABELS: Record<ActivityView['phase'], string> = {
  upcoming: '未开始',
  checkin_open: '可签到',
  ended: '已结束（可签退）',
  closed: '已结束',
};

/** `2025-06-01 09:00–11:00`, or both dates in full when the activity runs past midnight. */
export const timeRange = (activity: Pick<ActivityView, 'startAt' | 'endAt'>) =>
  activity.startAt.slice(0, 10) === activity.endAt.slice(0, 10) ? `${activity.startAt}–${activity.endAt.slice(11)}` : `${activity.startAt} – ${activity.endAt}`;
