import type { z } from 'zod';
import { notFound } from '../../../src/domain/errors';
import { wishRelations } from '../../../src/domain/wish-relations';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { releaseClaimSlot } from '../../_shared/repositories/claim.repository';
import { findWish, type WishRecord } from '../../_shared/repositories/wish.repository';
import { tellClaimEnded } from '../notify';
import { moveWish } from '../transition';
import { photoUrlsFor, toDetail } from '../wish-view';

type SimpleMove = z.infer<typeof wishActions.move>['event'];

/** What each move changes besides the status. */
function changesFor(event: SimpleMove, wish: WishRecord, now: Date): Record<string, unknown> {
  switch (event) {
    case 'cancel':
    case 'release':
      return { claim: null, proposal: null };
    case 'revoke':
      return { proposal: null };
    case 'confirm': {
      const onTime = wish.delivery && wish.claim && new Date(wish.delivery.at).getTime() <= new Date(wish.claim.deadline).getTime();
      return { closedAt: now, 'ledger.closed': 1, 'ledger.closedOnTime': onTime ? 1 : 0 };
    }
    case 'withdraw':
      return {};
  }
}

/**
 * The moves that need only the wish and maybe a reason: 撤回 (poster), 取消认领 (claimant), 释放 (staff, after the
 * deadline), 撤销 (staff), 确认收到 (poster or staff → 销号). A claim that ends gives its slot back.
 */
export const move = defineAction({
  schema: wishActions.move,
  access: 'user',
  async handler(input, ctx): Promise<WishDetailView> {
    const [actor, wish] = await Promise.all([ctx.actor(), findWish(input.wishId)]);
    if (!wish) throw notFound('心愿不存在或已删除');
    const relations = wishRelations(actor, wish);
    const now = ctx.now();
    const moved = await moveWish(wish, input.event, { actor, relations }, now, changesFor(input.event, wish, now), input.reason);

    const endsOpenClaim = wish.status === 'claimed' && ['cancel', 'release', 'revoke'].includes(input.event);
    if (wish.claim && endsOpenClaim) {
      // A claim that did not happen does not use up the campaign allowance either.
      await releaseClaimSlot(wish.claim.holderKey, { campaignId: wish.campaign?.id });
    }
    if (wish.claim && (input.event === 'release' || input.event === 'revoke') && wish.claim.openid !== ctx.openid) {
      await tellClaimEnded(wish.claim.openid, moved, input.reason ?? '');
    }
    return toDetail(moved, actor, wishRelations(actor, moved), now, await photoUrlsFor([moved], true));
  },
});
