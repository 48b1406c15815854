import { wishStaffOnly } from '../../../src/domain/wish.policy';
import { wishActions, type StaffWishRow } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { listInScope } from '../../_shared/repositories/wish.repository';
import { staffScopeOf } from '../staff-scope';
import { photoUrlsFor, toStaffRow } from '../wish-view';

const staffOnly = { access: 'user' as const, authorize: wishStaffOnly() };

/** 审核队列: wishes waiting for review in the caller's scope, oldest first; content-check flags shown. */
export const reviewQueue = defineAction({
  schema: wishActions.reviewQueue,
  ...staffOnly,
  async handler(input, ctx): Promise<{ items: StaffWishRow[] }> {
    const actor = await ctx.actor();
    const scope = await staffScopeOf(actor, input.communityId);
    const wishes = await listInScope('submitted', scope, 'createdAt');
    const urls = await photoUrlsFor(wishes, { openid: ctx.openid, isStaff: true }, true);
    return { items: wishes.map((w) => toStaffRow(w, actor, ctx.now(), urls)) };
  },
});

/** 督办: open claims by deadline, nearest first, each marked ok / due soon / overdue. */
export const chaseList = defineAction({
  schema: wishActions.chaseList,
  ...staffOnly,
  async handler(input, ctx): Promise<{ items: StaffWishRow[] }> {
    const actor = await ctx.actor();
    const scope = await staffScopeOf(actor, input.communityId);
    const wishes = await listInScope('claimed', scope, 'claim.deadline');
    const urls = await photoUrlsFor(wishes, { openid: ctx.openid, isStaff: true });
    return { items: wishes.map((w) => toStaffRow(w, actor, ctx.now(), urls)) };
  },
});
