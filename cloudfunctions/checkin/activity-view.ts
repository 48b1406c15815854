import { ACTIVITY_TYPE_LABELS } from '../../src/domain/activity-types';
import { checkinModeOf, type ActivityView, type AttendanceView } from '../../src/domain/activity.schema';
import { activityPhase } from '../../src/domain/activity-window';
import { formatShanghaiMinute } from '../../src/domain/shanghai-time';
import type { ActivityRecord } from '../_shared/repositories/activity.repository';
import type { AttendanceRecord } from '../_shared/repositories/attendance.repository';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toAttendanceView(a: AttendanceRecord): AttendanceView {
  return {
    activityId: a.activityId,
    memberOpenid: a.openid,
    memberName: a.memberName,
    workUnitName: a.workUnitName,
    status: a.status,
    signedUpAt: new Date(a.signedUpAt).toISOString(),
    checkedInAt: iso(a.checkIn?.at),
    checkedOutAt: iso(a.checkOut?.at),
    checkedOutBy: a.checkOut?.by ?? null,
    hours: a.hours,
    logId: a.logId,
  };
}

export function toActivityView(a: ActivityRecord, now: Date, mine: AttendanceRecord | null): ActivityView {
  const times = { startAt: new Date(a.startAt), endAt: new Date(a.endAt) };
  return {
    id: a._id,
    communityId: a.communityId,
    communityName: a.communityName,
    title: a.title,
    type: a.type,
    typeLabel: ACTIVITY_TYPE_LABELS[a.type],
    startAt: formatShanghaiMinute(times.startAt),
    endAt: formatShanghaiMinute(times.endAt),
    place: a.place,
    radius: a.radius,
    checkinMode: checkinModeOf(a.checkinMode),
    capacity: a.capacity,
    signedUp: a.signedUp,
    contact: a.contact,
    content: a.content,
    phase: activityPhase(times, now),
    mine: mine && mine.status !== 'cancelled' ? toAttendanceView(mine) : null,
  };
}
