import { isWishStaff } from '../../../src/domain/permissions';
import { wishActions, type StaffWishRow } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { listInScope } from '../../_shared/repositories/wish.repository';
import { staffScopeOf } from '../staff-scope';
import { photoUrlsFor, toStaffRow } from '../wish-view';

const staffOnly = { access: 'user' as const, policy: isWishStaff, deniedMessage: '仅社区或团委工作人员可以查看' };

/** 审核队列: wishes waiting for review in the caller's scope, oldest first; content-check flags shown. */
export const reviewQueue = defineAction({
  schema: wishActions.reviewQueue,
  ...staffOnly,
  async handler(input, ctx): Promise<{ items: StaffWishRow[] }> {
    const scope = await staffScopeOf(await ctx.actor(), input.communityId);
    const wishes = await listInScope('submitted', scope, 'createdAt');
    const urls = await photoUrlsFor(wishes, true);
    return { items: wishes.map((w) => toStaffRow(w, ctx.now(), urls)) };
  },
});

/** 督办: open claims by deadline, nearest first, each marked ok / due soon / overdue. */
export const chaseList = defineAction({
  schema: wishActions.chaseList,
  ...staffOnly,
  async handler(input, ctx): Promise<{ items: StaffWishRow[] }> {
    const scope = await staffScopeOf(await ctx.actor(), input.communityId);
    const wishes = await listInScope('claimed', scope, 'claim.deadline');
    const urls = await photoUrlsFor(wishes);
    return { items: wishes.map((w) => toStaffRow(w, ctx.now(), urls)) };
  },
});
