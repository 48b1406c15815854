import { createHash } from 'node:crypto';
import { conflict, failedPrecondition, notFound } from '../../../src/domain/errors';
import { offerStatus } from '../../../src/domain/wish-relations';
import { WISH_NOT_FOUND, canClaimWishes, canDeclineProposal, canMatch, wishStaffOnly } from '../../../src/domain/wish.policy';
import { offerActions, type OfferView } from '../../../src/domain/wish-offer.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { findOffer, insertOffer, listOffersIn, proposeOffer, type OfferWithWish } from '../../_shared/repositories/wish-offer.repository';
import { findWish, setWishFields } from '../../_shared/repositories/wish.repository';
import { helperOf } from '../claimer';
import { staffScopeOf } from '../staff-scope';

const toView = (o: OfferWithWish): OfferView => ({
  id: o._id,
  kind: o.kind,
  helper: o.helperDisplay,
  communityId: o.communityId,
  ways: o.ways,
  note: o.note,
  status: offerStatus(o, o.proposedWish),
  proposedWishId: o.proposedWishId,
  createdAt: new Date(o.createdAt).toISOString(),
});

/** A member or unit offers help in a community; league staff match it with a wish. */
export const offer = defineAction({
  schema: offerActions.offer,
  access: 'user',
  load: (input) => findCommunity(input.communityId),
  authorize: canClaimWishes,
  async handler(input, ctx, community): Promise<OfferView> {
    if (!community) throw notFound('所选社区不存在');
    const helper = helperOf(await ctx.actor(), await ctx.user(), input.asUnit);
    const saved = await insertOffer({
      _id: `of${createHash('sha256').update(`${ctx.openid}\n${input.requestId}`).digest('hex').slice(0, 20)}`,
      kind: helper.holder.kind,
      holderKey: helper.key,
      openid: ctx.openid,
      unitId: helper.holder.unitId,
      helperDisplay: helper.display,
      communityId: community._id,
      streetId: community.streetId,
      ways: input.ways,
      note: input.note,
      proposedWishId: null,
      createdAt: ctx.now(),
    });
    return toView({ ...saved, proposedWish: null });
  },
});

export const listOffers = defineAction({
  schema: offerActions.listOffers,
  access: 'user',
  authorize: wishStaffOnly('仅社区或团委工作人员可以查看认领意向'),
  async handler(input, ctx): Promise<{ items: OfferView[] }> {
    const scope = await staffScopeOf(await ctx.actor(), input.communityId);
    return { items: (await listOffersIn(scope)).map(toView) };
  },
});

/** Staff propose a published wish to an offerer; the offerer accepts by claiming it (their own limits apply). */
export const assign = defineAction({
  schema: offerActions.assign,
  access: 'user',
  async load(input) {
    const [wish, offer] = await Promise.all([findWish(input.wishId), findOffer(input.offerId)]);
    if (!wish) throw notFound(WISH_NOT_FOUND);
    if (!offer) throw notFound('认领意向不存在');
    return { wish, offer };
  },
  authorize: canMatch,
  async handler(_input, _ctx, { wish, offer: found }): Promise<{ wishId: string; offerId: string }> {
    if (wish.status !== 'published') throw failedPrecondition('只有待认领的心愿可以匹配');
    if (offerStatus(found, found.proposedWish) !== 'open') throw failedPrecondition('该意向已匹配其他心愿');
    if (found.openid === wish.posterOpenid) throw failedPrecondition('不能把心愿匹配给发布人自己');
    const ok = await setWishFields(wish._id, { status: 'published', version: wish.version }, { proposal: { offerId: found._id, holderKey: found.holderKey } });
    if (!ok) throw conflict('心愿状态已变化，请刷新后重试');
    // A previous offer proposed this wish is open again by itself: the wish no longer names it.
    await proposeOffer(found._id, wish._id);
    return { wishId: wish._id, offerId: found._id };
  },
});

/** The offerer declines a proposed wish: it stays on the wall, the offer is open again. */
export const declineProposal = defineAction({
  schema: offerActions.declineProposal,
  access: 'user',
  async load(input) {
    const wish = await findWish(input.wishId);
    if (!wish || !wish.proposal) throw notFound('没有待您确认的匹配');
    return { ...wish, proposal: wish.proposal };
  },
  authorize: canDeclineProposal,
  async handler(_input, _ctx, wish): Promise<{ wishId: string }> {
    // Clearing the wish's proposal is the whole decline: the offer reads as open from then on (offerStatus).
    await setWishFields(wish._id, { 'proposal.offerId': wish.proposal.offerId }, { proposal: null });
    return { wishId: wish._id };
  },
});
