import { notFound } from '../../../src/domain/errors';
import { wishRelations } from '../../../src/domain/wish-relations';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { releaseClaimSlot } from '../../_shared/repositories/claim.repository';
import { findWish } from '../../_shared/repositories/wish.repository';
import { assertOwnUploads } from '../../_shared/storage';
import { askPosterToConfirm } from '../notify';
import { assertAllowed, moveWish } from '../transition';
import { photoUrlsFor, toDetail } from '../wish-view';

/** The claimant marks the wish delivered with a photo and a note; the claim stops counting as open. */
export const deliver = defineAction({
  schema: wishActions.deliver,
  access: 'user',
  async handler(input, ctx): Promise<WishDetailView> {
    const [actor, wish] = await Promise.all([ctx.actor(), findWish(input.wishId)]);
    if (!wish) throw notFound('心愿不存在或已删除');
    const relations = wishRelations(actor, wish);
    const now = ctx.now();
    // Refuse a forbidden move before looking at the photos, so the message says what is really wrong.
    assertAllowed(wish, 'deliver', relations, now);
    await assertOwnUploads(ctx.openid, input.photos);
    const moved = await moveWish(wish, 'deliver', { actor, relations }, now, { delivery: { photos: input.photos, note: input.note, at: now } });
    if (wish.claim) await releaseClaimSlot(wish.claim.holderKey);
    await askPosterToConfirm(moved);
    return toDetail(moved, actor, wishRelations(actor, moved), now, await photoUrlsFor([moved], true));
  },
});
