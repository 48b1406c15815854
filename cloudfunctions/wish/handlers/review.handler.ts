import { canMoveWish, wishRelations } from '../../../src/domain/wish.policy';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { tellPosterReviewed } from '../notify';
import { existingWish, moveWish } from '../transition';
import { photoUrlsFor, toDetail, wishPhotoViewer } from '../wish-view';

/** Staff review: publish (on the wall now, or at its campaign's time) or reject with a reason. */
export const review = defineAction({
  schema: wishActions.review,
  access: 'user',
  load: existingWish,
  authorize: (actor, input, wish, now) => canMoveWish(actor, input.decision, wish, now),
  async handler(input, ctx, wish): Promise<WishDetailView> {
    const actor = await ctx.actor();
    const now = ctx.now();
    const who = { actor, relations: wishRelations(actor, wish) };
    const moved =
      input.decision === 'approve'
        ? await moveWish(wish, 'approve', who, now, { publishAt: wish.campaign ? wish.publishAt : now, contentFlag: null })
        : await moveWish(wish, 'reject', who, now, { rejectReason: input.reason ?? null }, input.reason);
    await tellPosterReviewed(moved, input.decision === 'approve', input.reason ?? null);
    return toDetail(moved, actor, wishRelations(actor, moved), now, await photoUrlsFor([moved], wishPhotoViewer(ctx.openid, actor, moved), true));
  },
});
