import { notFound } from '../../../src/domain/errors';
import { wishRelations } from '../../../src/domain/wish-relations';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { findWish } from '../../_shared/repositories/wish.repository';
import { tellPosterReviewed } from '../notify';
import { moveWish } from '../transition';
import { photoUrlsFor, toDetail } from '../wish-view';

/** Staff review: publish (on the wall now, or at its campaign's time) or reject with a reason. */
export const review = defineAction({
  schema: wishActions.review,
  access: 'user',
  async handler(input, ctx): Promise<WishDetailView> {
    const [actor, wish] = await Promise.all([ctx.actor(), findWish(input.wishId)]);
    if (!wish) throw notFound('心愿不存在或已删除');
    const relations = wishRelations(actor, wish);
    const now = ctx.now();
    const who = { actor, relations };
    const moved =
      input.decision === 'approve'
        ? await moveWish(wish, 'approve', who, now, { publishAt: wish.campaign ? wish.publishAt : now, contentFlag: null, 'ledger.posted': 1 })
        : await moveWish(wish, 'reject', who, now, { rejectReason: input.reason ?? null }, input.reason);
    await tellPosterReviewed(moved, input.decision === 'approve', input.reason ?? null);
    return toDetail(moved, actor, wishRelations(actor, moved), now, await photoUrlsFor([moved], true));
  },
});
