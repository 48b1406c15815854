import { notFound } from '../../../src/domain/errors';
import { canSeeUnpublishedWish, wishRelations } from '../../../src/domain/wish.policy';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { findWish } from '../../_shared/repositories/wish.repository';
import { photoUrlsFor, toDetail } from '../wish-view';

/**
 * One wish as the viewer may see it, with the buttons they get (`actions`, `claimAs`) from the same policies the
 * moves are checked with. Not yet public (under review, rejected, withdrawn, before its campaign): only its poster
 * and staff; to anyone else it does not exist.
 */
export const detail = defineAction({
  schema: wishActions.detail,
  access: 'public',
  async handler(input, ctx): Promise<WishDetailView> {
    const [actor, wish] = await Promise.all([ctx.actor(), findWish(input.wishId)]);
    if (!wish) throw notFound('心愿不存在或已删除');
    const relations = wishRelations(actor, wish);
    const now = ctx.now();
    const isPublic = ['published', 'claimed', 'fulfilled', 'closed'].includes(wish.status) && new Date(wish.publishAt).getTime() <= now.getTime();
    if (!isPublic && !canSeeUnpublishedWish(relations)) throw notFound('心愿不存在或尚未公开');
    return toDetail(wish, actor, relations, now, await photoUrlsFor([wish], true));
  },
});
