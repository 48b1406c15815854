import { notFound } from '../../../src/domain/errors';
import { WISH_NOT_FOUND, hiddenFrom, wishRelations } from '../../../src/domain/wish.policy';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { findWish } from '../../_shared/repositories/wish.repository';
import { photoUrlsFor, toDetail, wishPhotoViewer } from '../wish-view';

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
    const now = ctx.now();
    if (!wish || hiddenFrom(actor, wish, now)) throw notFound(WISH_NOT_FOUND);
    return toDetail(wish, actor, wishRelations(actor, wish), now, await photoUrlsFor([wish], wishPhotoViewer(ctx.openid, actor, wish), true));
  },
});
