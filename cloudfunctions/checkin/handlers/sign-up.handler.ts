import { activityActions, type AttendanceView } from '../../../src/domain/activity.schema';
import { conflict, failedPrecondition, notFound } from '../../../src/domain/errors';
import { isRegisteredMember } from '../../../src/domain/checkin.policy';
import { defineAction } from '../../_shared/define-function';
import { findActivity } from '../../_shared/repositories/activity.repository';
import { attendanceId, cancelSignUpTransaction, signUpTransaction } from '../../_shared/repositories/attendance.repository';
import { toAttendanceView } from '../activity-view';
import { memberOf } from '../member';

export const signUp = defineAction({
  schema: activityActions.signUp,
  access: 'user',
  load: (input) => findActivity(input.activityId),
  authorize: isRegisteredMember,
  async handler(input, ctx, activity): Promise<AttendanceView> {
    const user = await memberOf(ctx);
    if (!activity) throw notFound('活动不存在或已下线');
    const now = ctx.now();
    if (now.getTime() > new Date(activity.endAt).getTime()) throw failedPrecondition('活动已结束，不能再报名');
    const outcome = await signUpTransaction(activity._id, {
      _id: attendanceId(activity._id, ctx.openid),
      activityId: activity._id,
      communityId: activity.communityId,
      openid: ctx.openid,
      memberName: user.member.name,
      workUnitName: user.member.workUnitName,
      workUnitId: user.member.workUnitId,
      status: 'signed_up',
      signedUpAt: now,
      checkIn: null,
      checkOut: null,
      hours: null,
      logId: null,
    });
    if (outcome.kind === 'missing') throw notFound('活动不存在或已下线');
    if (outcome.kind === 'full') throw conflict(`名额已满（共 ${activity.capacity} 人），请关注社区的其他活动`);
    return toAttendanceView(outcome.attendance);
  },
});

export const cancelSignUp = defineAction({
  schema: activityActions.cancelSignUp,
  access: 'user',
  authorize: isRegisteredMember,
  async handler(input, ctx): Promise<AttendanceView> {
    const activity = await findActivity(input.activityId);
    if (!activity) throw notFound('活动不存在或已下线');
    if (ctx.now().getTime() >= new Date(activity.startAt).getTime()) throw failedPrecondition('活动已开始，不能取消报名');
    const after = await cancelSignUpTransaction(activity._id, attendanceId(activity._id, ctx.openid));
    if (!after) throw failedPrecondition('您尚未报名该活动');
    if (after.status !== 'cancelled') throw failedPrecondition('您已签到，不能取消报名');
    return toAttendanceView(after);
  },
});
