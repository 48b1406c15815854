import { hasGrant, isAdmin, ROLE_SCOPE_TYPES, type Actor, type GrantableRole, type ScopeType } from './roles';

/**
 * Named permissions, checked before every write. Pure: the function runtime and the client (to hide buttons)
 * both call them. Scope rules: staff roles act only inside the community/street/unit they were granted.
 */

export const canAdminister = (actor: Actor) => isAdmin(actor);
export const canCreateCommunity = canAdminister;
export const canCreateUnit = canAdminister;

export function canGrantRole(actor: Actor, grant: { role: GrantableRole; scopeType: ScopeType }): boolean {
  return isAdmin(actor) && ROLE_SCOPE_TYPES[grant.role].includes(grant.scopeType);
}

/** Community staff of that community (or an admin) may act for it. */
export function canManageCommunity(actor: Actor, communityId: string): boolean {
  return isAdmin(actor) || hasGrant(actor, 'community_staff', 'community', communityId);
}

/** A member's phone is visible to themselves and to staff of the community they live in. */
export function canSeeMemberPhone(actor: Actor, member: { openid: string; communityId: string | null }): boolean {
  if (actor.openid === member.openid) return true;
  return member.communityId !== null && canManageCommunity(actor, member.communityId);
}

export const canRegisterAsMember = (actor: Actor) => actor.openid.length > 0;
