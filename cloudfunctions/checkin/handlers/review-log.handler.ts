import { failedPrecondition, notFound } from '../../../src/domain/errors';
import { ALREADY_REVIEWED } from '../../../src/domain/review';
import { canManageCheckins, canReviewServiceLog } from '../../../src/domain/checkin.policy';
import { serviceLogActions, type ServiceLogView } from '../../../src/domain/service-log.schema';
import { defineAction } from '../../_shared/define-function';
import { sendNotice } from '../../_shared/notice';
import { confirmLog, findLog, listPendingLogs, rejectLog } from '../../_shared/repositories/service-log.repository';
import { visiblePhotos } from '../../_shared/storage';
import { reviewerName } from '../member';
import { toServiceLogView } from '../service-log-view';

/** Logs awaiting the community's confirmation, oldest first, with their evidence photos. */
export const pendingLogs = defineAction({
  schema: serviceLogActions.pendingLogs,
  access: 'user',
  authorize: canManageCheckins,
  async handler(input, ctx): Promise<{ items: ServiceLogView[] }> {
    const logs = await listPendingLogs(input.communityId);
    const photos = await visiblePhotos(logs.flatMap((l) => l.evidence), { openid: ctx.openid, isStaff: true });
    return { items: logs.map((l) => toServiceLogView(l, photos)) };
  },
});

/** Confirm (with a quality rating; the hours then count) or send back with a reason. */
export const reviewLog = defineAction({
  schema: serviceLogActions.reviewLog,
  access: 'user',
  async load(input) {
    const log = await findLog(input.logId);
    if (!log) throw notFound('服务记录不存在');
    return log;
  },
  authorize: canReviewServiceLog,
  async handler(input, ctx, log): Promise<ServiceLogView> {
    const reviewer = { openid: ctx.openid, name: await reviewerName(ctx), at: ctx.now() };
    if (input.decision === 'reject') {
      const rejected = await rejectLog(log._id, reviewer, input.reason ?? '');
      if (!rejected) throw failedPrecondition(ALREADY_REVIEWED.log);
      await tellMember(rejected.openid, rejected.title, false, input.reason || '请查看原因后修改重新提交');
      return toServiceLogView(rejected);
    }
    const outcome = await confirmLog(log._id, reviewer, input.rating ?? 'pass');
    if (outcome.kind === 'missing') throw notFound('服务记录不存在');
    if (outcome.kind === 'not_pending') throw failedPrecondition(ALREADY_REVIEWED.log);
    if (outcome.kind === 'over_length') throw failedPrecondition(outcome.message);
    await tellMember(outcome.log.openid, outcome.log.title, true, `已确认 ${outcome.log.hours} 小时服务时长`);
    return toServiceLogView(outcome.log);
  },
});

const tellMember = (openid: string, title: string, confirmed: boolean, note: string) =>
  sendNotice('serviceLogReviewed', { touser: openid, page: 'pages/records/index', data: { thing1: title, phrase2: confirmed ? '已确认' : '已退回', thing3: note } });
