import { canClaimWishes, canManageWishes, type WishPlace } from './permissions';
import { hasGrant, type Actor } from './roles';
import type { WishRelation } from './wish-machine';

/** Who holds a claim: a member (their openid) or a unit (its id; any admin of that unit acts for it). */
export interface ClaimHolder {
  kind: 'member' | 'unit';
  openid: string;
  unitId: string | null;
}

export interface WishParties extends WishPlace {
  posterOpenid: string;
  claim: ClaimHolder | null;
}

/** `m:<openid>` or `u:<unitId>`: the key of the holder's open-claims counter, also stored on the claim. */
export const holderKeyOf = (holder: ClaimHolder) => (holder.kind === 'unit' ? `u:${holder.unitId}` : `m:${holder.openid}`);

export function holderOfKey(key: string): ClaimHolder {
  const id = key.slice(2);
  return key.startsWith('u:') ? { kind: 'unit', openid: '', unitId: id } : { kind: 'member', openid: id, unitId: null };
}

export function holdsClaim(actor: Actor, claim: ClaimHolder | null): boolean {
  if (!claim || !actor.openid) return false;
  if (claim.kind === 'unit') return claim.unitId !== null && hasGrant(actor, 'unit_admin', 'unit', claim.unitId);
  return claim.openid === actor.openid;
}

/** How the viewer stands to the wish, for the state machine. Anonymous viewers stand in no relation. */
export function wishRelations(actor: Actor, wish: WishParties): WishRelation[] {
  if (!actor.openid) return [];
  const relations: WishRelation[] = [];
  const isPoster = wish.posterOpenid === actor.openid;
  if (isPoster) relations.push('poster');
  if (holdsClaim(actor, wish.claim)) relations.push('claimant');
  if (canManageWishes(actor, wish)) relations.push('staff');
  if (!isPoster && (canClaimWishes(actor, false) || canClaimWishes(actor, true))) relations.push('helper');
  return relations;
}

/** The beneficiary's contact: the claimant after the claim, the poster, and staff in scope; nobody else. */
export const canSeeBeneficiaryContact = (relations: readonly WishRelation[]) =>
  relations.includes('poster') || relations.includes('claimant') || relations.includes('staff');
