import { canMoveWish, wishRelations } from '../../../src/domain/wish.policy';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { tellClaimEnded } from '../notify';
import { existingWish, moveWish } from '../transition';
import { photoUrlsFor, toDetail, wishPhotoViewer } from '../wish-view';

/**
 * The moves that need only the wish and maybe a reason: 撤回 (poster), 取消认领 (claimant), 释放 (staff, after the
 * deadline), 撤销 (staff), 确认收到 (poster or staff → 销号). The machine's effect says what changes and which
 * claim slot is given back.
 */
export const move = defineAction({
  schema: wishActions.move,
  access: 'user',
  load: existingWish,
  authorize: (actor, input, wish, now) => canMoveWish(actor, input.event, wish, now),
  async handler(input, ctx, wish): Promise<WishDetailView> {
    const actor = await ctx.actor();
    const now = ctx.now();
    const moved = await moveWish(wish, input.event, { actor, relations: wishRelations(actor, wish) }, now, {}, input.reason);
    if (wish.claim && (input.event === 'release' || input.event === 'revoke') && wish.claim.openid !== ctx.openid) {
      await tellClaimEnded(wish.claim.openid, moved, input.reason ?? '');
    }
    return toDetail(moved, actor, wishRelations(actor, moved), now, await photoUrlsFor([moved], wishPhotoViewer(ctx.openid, actor, moved), true));
  },
});
