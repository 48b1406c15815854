import { desksOf } from '../../../src/domain/question-desk';
import { canSeeWorkbench } from '../../../src/domain/user.policy';
import { userActions, type WorkbenchCounts } from '../../../src/domain/user.schema';
import { wishStaffScope } from '../../../src/domain/wish.policy';
import { defineAction } from '../../_shared/define-function';
import { countCheckinsOfCommunity } from '../../_shared/repositories/checkin.repository';
import { countInbox } from '../../_shared/repositories/question.repository';
import { countPendingLogs } from '../../_shared/repositories/service-log.repository';
import { countInScope } from '../../_shared/repositories/wish.repository';
import { starWorkOf } from '../../_shared/star-work';
import { shanghaiYear } from '../../../src/domain/shanghai-time';
import { hasOrgWork } from '../../../src/domain/organisation.policy';

/**
 * 工作台 pending counts in one call: each queue is one indexed count (wishes: one per scope kind), all in parallel
 * after the caller is read, so the workbench costs a fixed number of round trips however many items wait. Each count
 * reads what its queue page lists: 报到 and service hours of the chosen community, wishes to review in the caller's
 * whole scope, questions on the caller's desks.
 */
export const workbench = defineAction({
  schema: userActions.workbench,
  access: 'user',
  authorize: canSeeWorkbench,
  async handler(input, ctx): Promise<WorkbenchCounts> {
    const actor = await ctx.actor();
    const communityId = input.communityId;
    const [checkins, hours, wishes, qa, stars] = await Promise.all([
      communityId ? countCheckinsOfCommunity(communityId, 'pending') : undefined,
      communityId ? countPendingLogs(communityId) : undefined,
      countInScope('submitted', wishStaffScope(actor)),
      countInbox(desksOf(actor)),
      // 五星创评: the nodes the caller leads, then their items (nothing more for those who lead none and hold no grant).
      starWorkOf(actor, shanghaiYear(ctx.now())),
    ]);
    const starCount = stars.length > 0 || hasOrgWork(actor, false) ? { stars: stars.length } : {};
    return { ...(checkins === undefined ? {} : { checkins }), ...(hours === undefined ? {} : { hours }), wishes, qa, ...starCount };
  },
});
