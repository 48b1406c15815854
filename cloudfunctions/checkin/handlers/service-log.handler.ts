import { createHash } from 'node:crypto';
import { activityLengthHours } from '../../../src/domain/activity-window';
import { creditAfter } from '../../../src/domain/service-record';
import { failedPrecondition, invalidArgument, notFound } from '../../../src/domain/errors';
import { serviceLogActions, type ServiceLogView } from '../../../src/domain/service-log.schema';
import { formatShanghaiDate, parseShanghaiDate, shanghaiYear } from '../../../src/domain/shanghai-time';
import { isRegisteredMember } from '../../../src/domain/checkin.policy';
import { serviceDateIssue } from '../../../src/domain/date-ranges';
import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { checkText } from '../../_shared/content-security';
import { takePostQuota } from '../../_shared/repositories/post-quota.repository';
import { defineAction } from '../../_shared/define-function';
import { findActivity } from '../../_shared/repositories/activity.repository';
import { attendanceId, findAttendance } from '../../_shared/repositories/attendance.repository';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { findLog, findOpenCorrection, insertLog, type ServiceLogRecord } from '../../_shared/repositories/service-log.repository';
import { assertOwnUploads } from '../../_shared/storage';
import { toServiceLogView } from '../service-log-view';
import { memberOf, type MemberUser } from '../member';

/** Ids from the client's request id: a retried submission finds the first log instead of adding another. */
const logIdFrom = (prefix: string, openid: string, requestId: string) => `log-${prefix}-${createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 16)}`;

const pendingFields = (user: MemberUser, createdAt: Date) => ({
  status: 'pending' as const,
  openid: user.openid,
  memberName: user.member.name,
  workUnitId: user.member.workUnitId,
  supersededBy: null,
  rating: null,
  recorder: user.member.name,
  reviewedBy: null,
  reviewedByName: null,
  reviewedAt: null,
  rejectReason: null,
  createdAt,
});

/** Service outside an activity, with photo evidence; counts once the community confirms it. */
export const reportService = defineAction({
  schema: serviceLogActions.reportService,
  access: 'user',
  load: (input) => findCommunity(input.communityId),
  authorize: isRegisteredMember,
  async handler(input, ctx, community): Promise<ServiceLogView> {
    const user = await memberOf(ctx);
    if (!community) throw notFound('社区不存在，请重新选择');
    const now = ctx.now();
    const day = parseShanghaiDate(input.serviceDate) as Date;
    const dateIssue = serviceDateIssue(input.serviceDate, user.member.registeredAt ?? null, now);
    if (dateIssue) throw invalidArgument([dateIssue]);
    await takePostQuota('serviceLog', ctx.openid, now, input.evidence.length);
    await assertOwnUploads(ctx.openid, input.evidence, 'evidence');
    // The unit and community read these words in their 台账: risky text is refused; staff confirm every log anyway.
    const written = (['title', 'place', 'beneficiaries', 'content', 'visited', 'heard', 'solved'] as const).filter((f) => input[f]);
    await checkText(ctx.openid, written.map((f) => input[f]).join('\n'), CONTENT_SCENES.forum, written);
    const log: ServiceLogRecord = {
      ...pendingFields(user, now),
      _id: logIdFrom('s', ctx.openid, input.requestId),
      kind: 'self_reported',
      communityId: community._id,
      communityName: community.name,
      activityId: null,
      attendanceId: null,
      correctsLogId: null,
      type: input.type,
      title: input.title,
      serviceDate: input.serviceDate,
      year: shanghaiYear(day),
      place: input.place,
      beneficiaries: input.beneficiaries,
      content: input.content,
      visited: input.visited ?? null,
      heard: input.heard ?? null,
      solved: input.solved ?? null,
      hours: input.hours,
      reason: null,
      evidence: input.evidence,
      personInCharge: `${community.name}工作人员`,
    };
    return toServiceLogView(await insertLog(log));
  },
});

/**
 * 补录: a correction of an activity's hours (a forgotten check-out, a missed check-in), capped at the activity's
 * length, with a reason and evidence. It references the log it corrects; that log is superseded, not deleted, once
 * staff approve.
 */
export const requestCorrection = defineAction({
  schema: serviceLogActions.requestCorrection,
  access: 'user',
  authorize: isRegisteredMember,
  async handler(input, ctx): Promise<ServiceLogView> {
    const user = await memberOf(ctx);
    const original = input.logId ? await findLog(input.logId) : null;
    if (input.logId && (!original || original.openid !== ctx.openid)) throw notFound('要更正的服务记录不存在');
    if (original && (original.kind === 'self_reported' || !original.activityId)) throw failedPrecondition('自主服务记录不能补录，请重新提交一条自主服务');
    if (original?.status === 'superseded') throw failedPrecondition('该记录已被更正，请对最新的记录申请补录');
    const activityId = original?.activityId ?? (input.activityId as string);
    const activity = await findActivity(activityId);
    if (!activity) throw notFound('活动不存在或已下线');
    const [attendance, open] = await Promise.all([
      findAttendance(attendanceId(activity._id, ctx.openid)),
      findOpenCorrection(attendanceId(activity._id, ctx.openid)),
    ]);
    if (!original && (!attendance || attendance.status === 'cancelled')) throw failedPrecondition('您未报名该活动，不能申请补录');
    const id = logIdFrom('c', ctx.openid, input.requestId);
    // A retry of the same request finds its own correction: the first result, not a refusal.
    if (open?._id === id) return toServiceLogView(open);
    if (open) throw failedPrecondition('该活动已有一条待确认的补录，请等社区确认或退回后再申请');
    const now = ctx.now();
    if (now.getTime() < new Date(activity.startAt).getTime()) throw failedPrecondition('活动尚未开始，不能申请补录');
    const cap = activityLengthHours({ startAt: new Date(activity.startAt), endAt: new Date(activity.endAt) });
    if (input.hours > cap) throw invalidArgument([{ field: 'hours', message: `补录时长不能超过活动时长（${cap} 小时）` }]);
    const credit = creditAfter(attendance?.creditedHours ?? 0, original?.status === 'confirmed' ? original.hours : 0, input.hours, cap);
    if (!credit.ok) throw invalidArgument([{ field: 'hours', message: credit.message }]);
    await assertOwnUploads(ctx.openid, input.evidence, 'evidence');
    const log: ServiceLogRecord = {
      ...pendingFields(user, now),
      _id: id,
      kind: 'correction',
      communityId: activity.communityId,
      communityName: activity.communityName,
      activityId: activity._id,
      attendanceId: attendanceId(activity._id, ctx.openid),
      correctsLogId: original?._id ?? null,
      type: activity.type,
      title: activity.title,
      serviceDate: formatShanghaiDate(activity.startAt),
      year: shanghaiYear(activity.startAt),
      place: activity.place,
      beneficiaries: original?.beneficiaries ?? '社区居民',
      content: activity.content || activity.title,
      hours: input.hours,
      reason: input.reason,
      evidence: input.evidence,
      personInCharge: activity.contact || `${activity.communityName}工作人员`,
    };
    return toServiceLogView(await insertLog(log));
  },
});
