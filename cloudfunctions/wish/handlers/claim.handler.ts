import { matches } from '../../../src/domain/condition';
import { AppError, ErrorCode, conflict, failedPrecondition, notFound } from '../../../src/domain/errors';
import { claimCondition, ledgerOf } from '../../../src/domain/wish-machine';
import { WISH_NOT_FOUND, canClaimWishes, canMoveWish, wishRelations } from '../../../src/domain/wish.policy';
import { claimDeadline, claimReminderAt, slotCondition } from '../../../src/domain/wish-rules';
import { wishActions, type WishDetailView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { actorOf } from '../../_shared/repositories/actor.repository';
import { liveCounter, loadClaimer, reserveClaimSlot } from '../../_shared/repositories/claim.repository';
import { countClaim, findWish, takeWish, undoClaim, type ClaimRecord } from '../../_shared/repositories/wish.repository';
import { helperOf, type Helper } from '../claimer';
import { photoUrlsFor, toDetail, wishPhotoViewer } from '../wish-view';

const openLimitMessage = (helper: Helper) =>
  helper.holder.kind === 'unit'
    ? `本单位已有 ${helper.limit} 个未完成的认领，请先送达后再认领`
    : `您已有 ${helper.limit} 个未完成的认领，请先送达后再认领`;

/**
 * 认领. Three sequential round trips, a matched claim included: the caller with their counters (one aggregate,
 * which is also the caller the policy sees), the conditional take of the wish on the machine's `claimCondition`,
 * then together the conditional increment of the holder's counter and the statistics counters (one update of the
 * community's month and total and the unit's month, src/domain/stat-counters.ts). The wish goes first so that the many who lose a rush cost nothing to undo;
 * the rare claimer who raced past their own limit has the take undone. The offer a matched wish was proposed to
 * is not written: its status follows from the wish (`offerStatus`).
 */
export const claim = defineAction({
  schema: wishActions.claim,
  access: 'user',
  load: (_input, ctx) => loadClaimer(ctx.openid),
  callerOf: (claimer) => claimer.user,
  authorize: canClaimWishes,
  async handler(input, ctx, { user, counters }): Promise<WishDetailView> {
    const actor = actorOf(ctx.openid, user);
    const helper = helperOf(actor, user, input.asUnit);
    const now = ctx.now();
    const known = counters.find((c) => c._id === helper.key);
    if (known && !matches(liveCounter(known, now) as unknown as Record<string, unknown>, slotCondition(helper.limit, null))) throw failedPrecondition(openLimitMessage(helper));

    const claimRecord: ClaimRecord = {
      id: `${ctx.requestId}-${helper.key}`,
      kind: helper.holder.kind,
      holderKey: helper.key,
      openid: ctx.openid,
      unitId: helper.holder.unitId,
      memberUnitId: helper.holder.kind === 'member' ? (user?.member?.workUnitId ?? null) : null,
      helperName: helper.name,
      helperDisplay: helper.display,
      helperPhone: helper.phone,
      claimedAt: now,
      deadline: claimDeadline(now),
      remindAt: claimReminderAt(now),
      reminded: false,
    };
    const entry = { event: 'claim' as const, from: 'published' as const, to: 'claimed' as const, byOpenid: ctx.openid, byLabel: `认领人 ${helper.display}`, at: now };
    const changes = { status: 'claimed', claim: claimRecord, ...ledgerOf('claim', { delivery: null, claimDeadline: null }) };
    const taken = await takeWish(input.wishId, claimCondition(ctx.openid, now), changes, entry, {
      openid: ctx.openid,
      byLabel: helper.name,
      at: now,
    });
    if (!taken) throw await whyNot(input.wishId);

    // The slot and the statistics counters at once: the counters wait on nothing but the take.
    const [reserved] = await Promise.all([reserveClaimSlot({ key: helper.key, id: helper.id }, helper.limit, taken.campaign, known, now), countClaim(changes, taken, now)]);
    if (reserved !== 'reserved') {
      const claimedBefore = taken.history.slice(0, -1).some((e) => e.to === 'claimed') ? 1 : 0;
      await Promise.all([undoClaim(taken._id, claimRecord.id, claimedBefore), countClaim(changes, taken, now, true)]);
      throw failedPrecondition(
        reserved === 'open-limit' ? openLimitMessage(helper) : `「${taken.campaign?.name}」活动每人限领 ${taken.campaign?.perPersonLimit} 个心愿`,
      );
    }
    // The offer needs no write: its status is read from the wish it was proposed to (offerStatus), so a matched
    // claim costs the same three round trips as any claim.
    return toDetail(taken, actor, wishRelations(actor, taken), now, await photoUrlsFor([taken], wishPhotoViewer(ctx.openid, actor, taken), true));

    /** The take failed: say why from the wish as it is now (already claimed, not open yet, one's own, …). */
    async function whyNot(wishId: string): Promise<AppError> {
      const wish = await findWish(wishId);
      if (!wish) return notFound(WISH_NOT_FOUND);
      const verdict = canMoveWish(actor, 'claim', wish, now);
      return verdict.ok ? conflict('该心愿已被认领') : new AppError(ErrorCode[verdict.code ?? 'FORBIDDEN'], verdict.message);
    }
  },
});
