import { AppError, ErrorCode, conflict, failedPrecondition, notFound } from '../../../src/domain/errors';
import { decide } from '../../../src/domain/wish-machine';
import { wishRelations } from '../../../src/domain/wish-relations';
import { claimDeadline, claimReminderAt } from '../../../src/domain/wish-rules';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { loadClaimer, reserveClaimSlot } from '../../_shared/repositories/claim.repository';
import { setOfferStatus } from '../../_shared/repositories/wish-offer.repository';
import { findWish, takeWish, undoClaim, type ClaimRecord } from '../../_shared/repositories/wish.repository';
import { actorFromUser, helperOf, type Helper } from '../claimer';
import { factsOf, photoUrlsFor, toDetail } from '../wish-view';

const openLimitMessage = (helper: Helper) =>
  helper.holder.kind === 'unit'
    ? `本单位已有 ${helper.limit} 个未完成的认领，请先送达后再认领`
    : `您已有 ${helper.limit} 个未完成的认领，请先送达后再认领`;

/**
 * 认领. Three round trips: the caller with their counters (one aggregate), the conditional take of the wish,
 * the conditional increment of the holder's counter. The wish goes first so that the many who lose a rush
 * cost nothing to undo; the rare claimer who raced past their own limit has the take undone.
 */
export const claim = defineAction({
  schema: wishActions.claim,
  access: 'user',
  async handler(input, ctx): Promise<WishDetailView> {
    const { user, counters } = await loadClaimer(ctx.openid);
    const actor = actorFromUser(ctx.openid, user);
    const helper = helperOf(actor, user, input.asUnit);
    const known = counters.find((c) => c._id === helper.key);
    if (known && known.open >= helper.limit) throw failedPrecondition(openLimitMessage(helper));

    const now = ctx.now();
    const claimRecord: ClaimRecord = {
      id: `${ctx.requestId}-${helper.key}`,
      kind: helper.holder.kind,
      holderKey: helper.key,
      openid: ctx.openid,
      unitId: helper.holder.unitId,
      helperName: helper.name,
      helperDisplay: helper.display,
      helperPhone: helper.phone,
      claimedAt: now,
      deadline: claimDeadline(now),
      remindAt: claimReminderAt(now),
      reminded: false,
    };
    const entry = { event: 'claim' as const, from: 'published' as const, to: 'claimed' as const, byOpenid: ctx.openid, byLabel: `认领人 ${helper.display}`, at: now };
    const taken = await takeWish(input.wishId, ctx.openid, now, { status: 'claimed', claim: claimRecord, 'ledger.claimed': 1 }, entry);
    if (!taken) throw await whyNot(input.wishId);

    const reserved = await reserveClaimSlot({ key: helper.key, id: helper.id }, helper.limit, taken.campaign, known);
    if (reserved !== 'reserved') {
      const claimedBefore = taken.history.slice(0, -1).some((e) => e.to === 'claimed') ? 1 : 0;
      await undoClaim(taken._id, claimRecord.id, claimedBefore);
      throw failedPrecondition(
        reserved === 'open-limit' ? openLimitMessage(helper) : `「${taken.campaign?.name}」活动每人限领 ${taken.campaign?.perPersonLimit} 个心愿`,
      );
    }
    // A matched wish: the offer it was proposed to is now matched, or free again if someone else took the wish.
    if (taken.proposal) {
      const mine = taken.proposal.holderKey === helper.key;
      await setOfferStatus(taken.proposal.offerId, mine ? 'matched' : 'open', mine ? taken._id : null);
    }
    return toDetail(taken, actor, wishRelations(actor, taken), now, await photoUrlsFor([taken], true));

    /** The take failed: say why from the wish as it is now (already claimed, not open yet, one's own, …). */
    async function whyNot(wishId: string): Promise<AppError> {
      const wish = await findWish(wishId);
      if (!wish) return notFound('心愿不存在或已删除');
      const decision = decide(factsOf(wish), 'claim', wishRelations(actor, wish), now);
      return decision.ok ? conflict('该心愿已被认领') : new AppError(ErrorCode[decision.code], decision.message);
    }
  },
});
