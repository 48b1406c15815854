import { canMoveWish, wishRelations } from '../../../src/domain/wish.policy';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { assertOwnUploads } from '../../_shared/storage';
import { askPosterToConfirm } from '../notify';
import { existingWish, moveWish } from '../transition';
import { photoUrlsFor, toDetail, wishPhotoViewer } from '../wish-view';

/** The claimant marks the wish delivered with a photo and a note; the claim stops counting as open. */
export const deliver = defineAction({
  schema: wishActions.deliver,
  access: 'user',
  load: existingWish,
  // Refused before the photos are looked at, so the message says what is really wrong.
  authorize: (actor, _input, wish, now) => canMoveWish(actor, 'deliver', wish, now),
  async handler(input, ctx, wish): Promise<WishDetailView> {
    const actor = await ctx.actor();
    const now = ctx.now();
    await assertOwnUploads(ctx.openid, input.photos);
    const moved = await moveWish(wish, 'deliver', { actor, relations: wishRelations(actor, wish) }, now, { delivery: { photos: input.photos, note: input.note, at: now } });
    await askPosterToConfirm(moved);
    return toDetail(moved, actor, wishRelations(actor, moved), now, await photoUrlsFor([moved], wishPhotoViewer(ctx.openid, actor, moved), true));
  },
});
