import { activityActions, checkinModeOf, type ActivityCodeView, type AttendanceView } from '../../../src/domain/activity.schema';
import { checkInWindow, checkOutWindow, servedHours } from '../../../src/domain/activity-window';
import { CHECKIN_CODE_REQUIRED_MESSAGE, codeWindowEndsAt, refreshDelayMs } from '../../../src/domain/checkin-code';
import { evaluateFence, toGcj02, type LocationReading } from '../../../src/domain/checkin-fence';
import { failedPrecondition, invalidArgument, notFound } from '../../../src/domain/errors';
import { roundForPrivacy } from '../../../src/domain/geo';
import { canManageActivity, isRegisteredMember } from '../../../src/domain/checkin.policy';
import { defineAction, enforce, type ActionContext } from '../../_shared/define-function';
import { cachedActivity, type ActivityRecord } from '../../_shared/repositories/activity.repository';
import {
  attendanceId,
  findAttendance,
  listAttendancesOfActivity,
  stepAttendance,
  type AttendanceReading,
  type AttendanceRecord,
} from '../../_shared/repositories/attendance.repository';
import { insertLog } from '../../_shared/repositories/service-log.repository';
import { logFromAttendance, logIdOfAttendance } from '../activity-log';
import { assertLiveCheckinCode, issueCheckinCode } from '../checkin-code';
import { h5Qr } from '../qr-code';
import { toAttendanceView } from '../activity-view';
import { existingActivity } from '../loaders';

const times = (a: ActivityRecord) => ({ startAt: new Date(a.startAt), endAt: new Date(a.endAt) });

/** Fenced reading of the place, refused with the distance when outside; stored rounded (privacy rules). */
function fencedReading(activity: ActivityRecord, input: LocationReading, purpose: '签到' | '签退', at: Date): AttendanceReading {
  const verdict = evaluateFence(input, { latitude: activity.latitude, longitude: activity.longitude, radius: activity.radius, name: '活动地点', purpose });
  if (!verdict.inside) throw failedPrecondition(verdict.message, { reason: verdict.reason, distance: verdict.distance, radius: activity.radius });
  return { at, distance: verdict.distance, accuracy: Math.round(input.accuracy), point: roundForPrivacy(toGcj02(input)) };
}

/** Someone with no sign-up: not a member at all, or a member who did not sign up. */
async function notSignedUp(ctx: ActionContext): Promise<never> {
  // Checked only here: a member who signed up never pays for the read of their own document.
  enforce(isRegisteredMember(await ctx.actor()));
  throw failedPrecondition('您尚未报名该活动，请先报名');
}

/**
 * 签到: signed-up + time window + fence (a QR code alone proves nothing). Two round trips at most: the activity
 * (cached per instance) and one conditional update that only a signed-up record can pass, so 200 simultaneous scans
 * move it once and the rest read what it became.
 */
export const checkIn = defineAction({
  schema: activityActions.checkIn,
  access: 'user',
  async handler(input, ctx): Promise<AttendanceView> {
    const activity = await cachedActivity(input.activityId);
    if (!activity) throw notFound('活动不存在或已下线');
    if (input.communityId && input.communityId !== activity.communityId) {
      throw invalidArgument([{ field: 'communityId', message: `该活动属于${activity.communityName}，请在活动所在社区签到` }]);
    }
    const now = ctx.now();
    const window = checkInWindow(times(activity), now);
    if (!window.open) throw failedPrecondition(window.message);
    // The live code is checked on top of the fence, never instead of it; where staff chose 扫码签到 it is required.
    if (input.code !== undefined) assertLiveCheckinCode(input.code, activity._id, now);
    else if (checkinModeOf(activity.checkinMode) === 'code') throw failedPrecondition(CHECKIN_CODE_REQUIRED_MESSAGE);
    const checkIn = fencedReading(activity, input, '签到', now);

    const id = attendanceId(activity._id, ctx.openid);
    const moved = await stepAttendance(id, 'signed_up', { status: 'checked_in', checkIn });
    if (moved) return toAttendanceView(moved);
    const existing = await findAttendance(id);
    // A repeated scan returns the record that is there.
    if (existing && (existing.status === 'checked_in' || existing.status === 'checked_out')) return toAttendanceView(existing);
    return notSignedUp(ctx);
  },
});

/**
 * Staff of the activity's community: the 签到码 of the current 30-second window, drawn as a QR. No write: the code
 * is a signature over (activity, window), so any number of staff phones show the same code.
 */
export const activityCode = defineAction({
  schema: activityActions.activityCode,
  access: 'user',
  load: existingActivity,
  authorize: canManageActivity,
  async handler(_input, ctx, activity): Promise<ActivityCodeView> {
    const now = ctx.now();
    const { code, window } = issueCheckinCode(activity._id, now);
    return {
      activityId: activity._id,
      title: activity.title,
      code,
      image: await h5Qr(code),
      window,
      expiresAt: codeWindowEndsAt(window).toISOString(),
      refreshInMs: refreshDelayMs(window, now),
    };
  },
});

async function checkOutOne(activity: ActivityRecord, attendance: AttendanceRecord, checkOut: AttendanceRecord['checkOut'] & object, createdAt: Date): Promise<AttendanceRecord | null> {
  const hours = servedHours(times(activity), new Date(attendance.checkIn?.at ?? checkOut.at), checkOut.at);
  const logId = logIdOfAttendance(attendance._id);
  const moved = await stepAttendance(attendance._id, 'checked_in', { status: 'checked_out', checkOut, hours, logId });
  // Time served becomes a log awaiting the community's confirmation. Under half an hour it is a 0 h log all the
  // same, so the member and the staff queue see it and the member can ask for 补录 from it.
  if (moved) await insertLog(logFromAttendance(activity, moved, hours, createdAt));
  return moved;
}

export const checkOut = defineAction({
  schema: activityActions.checkOut,
  access: 'user',
  async handler(input, ctx): Promise<AttendanceView> {
    const activity = await cachedActivity(input.activityId);
    if (!activity) throw notFound('活动不存在或已下线');
    const attendance = await findAttendance(attendanceId(activity._id, ctx.openid));
    if (!attendance || attendance.status === 'cancelled') return notSignedUp(ctx);
    if (attendance.status === 'signed_up') throw failedPrecondition('您还没有签到，不能签退；请先签到');
    const now = ctx.now();
    if (attendance.status === 'checked_out') {
      // A repeat heals a check-out whose log insert was lost (the insert is a no-op when the log is there).
      if (attendance.logId) await insertLog(logFromAttendance(activity, attendance, attendance.hours ?? 0, now));
      return toAttendanceView(attendance);
    }
    const window = checkOutWindow(times(activity), now);
    if (!window.open) throw failedPrecondition(window.message);
    const reading = fencedReading(activity, input, '签退', now);
    const moved = await checkOutOne(activity, attendance, { ...reading, by: 'self' }, now);
    return toAttendanceView(moved ?? ((await findAttendance(attendance._id)) as AttendanceRecord));
  },
});

/** Staff close the activity for everyone still checked in (a forgotten check-out); hours count up to the end. */
export const checkOutAll = defineAction({
  schema: activityActions.checkOutAll,
  access: 'user',
  load: existingActivity,
  authorize: canManageActivity,
  async handler(_input, ctx, activity): Promise<{ checkedOut: number; items: AttendanceView[] }> {
    const now = ctx.now();
    if (now.getTime() < new Date(activity.startAt).getTime()) throw failedPrecondition('活动尚未开始，不能统一签退');
    const at = new Date(Math.min(now.getTime(), new Date(activity.endAt).getTime()));
    const inside = await listAttendancesOfActivity(activity._id, 'checked_in');
    const moved = await Promise.all(inside.map((a) => checkOutOne(activity, a, { at, by: 'staff', staffOpenid: ctx.openid }, now)));
    const done = moved.filter((m): m is AttendanceRecord => m !== null);
    return { checkedOut: done.length, items: done.map(toAttendanceView) };
  },
});
