import { createHash } from 'node:crypto';
import { activityActions, type ActivityView, type AttendanceView } from '../../../src/domain/activity.schema';
import { failedPrecondition, invalidArgument, notFound } from '../../../src/domain/errors';
import { plannedTimeIssue } from '../../../src/domain/date-ranges';
import { canManageActivity, canManageCheckins } from '../../../src/domain/checkin.policy';
import { parseShanghaiMinute } from '../../../src/domain/shanghai-time';
import { defineAction } from '../../_shared/define-function';
import { findActivity, insertActivity, listActivitiesOfCommunity, type ActivityRecord } from '../../_shared/repositories/activity.repository';
import { attendanceId, findAttendance, listAttendancesOfActivity, listMyAttendances } from '../../_shared/repositories/attendance.repository';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { toActivityView, toAttendanceView } from '../activity-view';
import { existingActivity } from '../loaders';

/** The id comes from the client's request id: a retried publish cannot make a second activity. */
const activityIdFrom = (communityId: string, requestId: string) => `a-${createHash('sha256').update(`${communityId}:${requestId}`).digest('hex').slice(0, 16)}`;

export const publishActivity = defineAction({
  schema: activityActions.publishActivity,
  access: 'user',
  authorize: canManageCheckins,
  async handler(input, ctx): Promise<ActivityView> {
    const community = await findCommunity(input.communityId);
    if (!community) throw notFound('社区不存在');
    const now = ctx.now();
    const startAt = parseShanghaiMinute(input.startAt) as Date;
    const endAt = parseShanghaiMinute(input.endAt) as Date;
    if (endAt.getTime() <= now.getTime()) throw failedPrecondition('活动结束时间已过，请填写将来的时间');
    const startIssue = plannedTimeIssue('startAt', '开始时间', startAt, now);
    if (startIssue) throw invalidArgument([startIssue]);
    const id = activityIdFrom(community._id, input.requestId);
    const existing = await findActivity(id);
    if (existing) return toActivityView(existing, now, null);
    const record: ActivityRecord = {
      _id: id,
      communityId: community._id,
      communityName: community.name,
      title: input.title,
      type: input.type,
      startAt,
      endAt,
      place: input.place ?? community.address,
      latitude: input.latitude ?? community.latitude,
      longitude: input.longitude ?? community.longitude,
      radius: input.radius ?? community.radius,
      checkinMode: input.checkinMode ?? 'location',
      capacity: input.capacity,
      signedUp: 0,
      contact: input.contact ?? '',
      content: input.content ?? '',
      status: 'published',
      publishedBy: ctx.openid,
      createdAt: now,
    };
    await insertActivity(record);
    return toActivityView(record, now, null);
  },
});

/** A community's activities, newest first, each with the caller's own sign-up. */
export const listActivities = defineAction({
  schema: activityActions.listActivities,
  access: 'user',
  async handler(input, ctx): Promise<{ items: ActivityView[] }> {
    const now = ctx.now();
    const activities = await listActivitiesOfCommunity(input.communityId);
    const mine = new Map((await listMyAttendances(ctx.openid, activities.map((a) => a._id))).map((a) => [a.activityId, a]));
    return { items: activities.map((a) => toActivityView(a, now, mine.get(a._id) ?? null)) };
  },
});

export const activityDetail = defineAction({
  schema: activityActions.activityDetail,
  access: 'user',
  async handler(input, ctx): Promise<ActivityView> {
    const [activity, mine] = await Promise.all([findActivity(input.activityId), findAttendance(attendanceId(input.activityId, ctx.openid))]);
    if (!activity) throw notFound('活动不存在或已下线');
    return toActivityView(activity, ctx.now(), mine);
  },
});

/** Staff: who signed up, who is in, who is out, with hours. */
export const activityRoster = defineAction({
  schema: activityActions.activityRoster,
  access: 'user',
  load: existingActivity,
  authorize: canManageActivity,
  async handler(_input, ctx, activity): Promise<{ activity: ActivityView; items: AttendanceView[] }> {
    const items = await listAttendancesOfActivity(activity._id);
    return { activity: toActivityView(activity, ctx.now(), null), items: items.map(toAttendanceView) };
  },
});
