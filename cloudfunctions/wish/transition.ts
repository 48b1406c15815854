import { conflict, notFound } from '../../src/domain/errors';
import { effectOf, unchangedCondition, type WishEvent, type WishRelation } from '../../src/domain/wish-machine';
import { WISH_NOT_FOUND, factsOf, type WishPlace } from '../../src/domain/wish.policy';
import { hasGrant, isAdmin, ROLE_LABELS, type Actor } from '../../src/domain/roles';
import { findWish, updateWishIf, type HistoryEntry, type WishRecord } from '../_shared/repositories/wish.repository';
import { holdClaimSlot, releaseClaimSlot } from '../_shared/repositories/claim.repository';
import { holdUntil } from '../../src/domain/wish-rules';

/** `load` of every action on one wish. */
export async function existingWish(input: { wishId: string }): Promise<WishRecord> {
  const wish = await findWish(input.wishId);
  if (!wish) throw notFound(WISH_NOT_FOUND);
  return wish;
}

/** The staff role someone acts in on a wish of this place: its community's staff before league staff before admin. */
function staffRoleLabel(actor: Actor, place: WishPlace): string {
  if (hasGrant(actor, 'community_staff', 'community', place.communityId)) return ROLE_LABELS.community_staff;
  if (hasGrant(actor, 'league_staff', 'community', place.communityId) || hasGrant(actor, 'league_staff', 'street', place.streetId)) return ROLE_LABELS.league_staff;
  if (isAdmin(actor)) return ROLE_LABELS.admin;
  return ROLE_LABELS.community_staff;
}

/** How an entry names who acted, for anyone to read. */
export function actorLabel(relations: readonly WishRelation[], actor: Actor, place: WishPlace): string {
  if (relations.includes('staff') && !relations.includes('claimant') && !relations.includes('poster')) return staffRoleLabel(actor, place);
  if (relations.includes('claimant')) return '认领人';
  if (relations.includes('poster')) return '心愿发布人';
  return '用户';
}

/**
 * Writes the whole effect of a transition the policy (`canMoveWish`) allowed: the machine's changes plus the
 * event's own data, as a conditional write on the version the caller read (a concurrent change makes it fail
 * rather than overwrite), then the open-claims slot the transition frees.
 */
export async function moveWish(
  wish: WishRecord,
  event: WishEvent,
  who: { actor: Actor; relations: WishRelation[] },
  now: Date,
  data: Record<string, unknown>,
  reason?: string,
): Promise<WishRecord> {
  const effect = effectOf(event, { status: wish.status, delivery: wish.delivery ? { at: new Date(wish.delivery.at) } : null, claimDeadline: factsOf(wish).claimDeadline }, now);
  const entry: HistoryEntry = {
    event,
    from: wish.status,
    to: effect.to,
    byOpenid: who.actor.openid,
    byLabel: actorLabel(who.relations, who.actor, wish),
    at: now,
    ...(reason ? { reason } : {}),
  };
  const updated = await updateWishIf(wish._id, unchangedCondition(wish), { ...effect.changes, ...data }, entry);
  if (!updated) throw conflict('心愿状态已变化，请刷新后重试');
  // A claim that did not happen gives back the campaign allowance too; a delivered one only stops being open.
  if (wish.claim && effect.slot === 'hold') await holdClaimSlot(wish.claim.holderKey, holdUntil(now), wish.campaign?.id);
  else if (wish.claim && effect.slot) await releaseClaimSlot(wish.claim.holderKey, { campaignId: effect.slot === 'release' ? wish.campaign?.id : null });
  return updated;
}
