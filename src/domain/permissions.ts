import { deskKey, desksOf } from './question-desk';
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

// 报到, activities and service records (issue 4). Member actions need a registered 在职党员; staff actions the
// community the resource belongs to, checked again in the handler with the loaded document.
export const NOT_A_MEMBER_MESSAGE = '请先登记为在职党员，再到社区报到和参加服务活动';
export const canReportToCommunity = (actor: Actor) => actor.isMember;
export const canTakePartInActivity = (actor: Actor) => actor.isMember;
export const canKeepServiceRecord = (actor: Actor) => actor.isMember;
export const canReviewCheckin = (actor: Actor, checkin: { communityId: string }) => canManageCommunity(actor, checkin.communityId);
export const canManageActivity = (actor: Actor, activity: { communityId: string }) => canManageCommunity(actor, activity.communityId);
export const canReviewServiceLog = (actor: Actor, log: { communityId: string }) => canManageCommunity(actor, log.communityId);

/** Where a wish (or an offer, a campaign) lives: its community and the street that community belongs to. */
export interface WishPlace {
  communityId: string;
  streetId: string;
}

/** 微心愿 staff work (review, post on behalf, match, chase, release, revoke): that community's staff, or league staff of it or its street. */
export function canManageWishes(actor: Actor, place: WishPlace): boolean {
  return (
    isAdmin(actor) ||
    hasGrant(actor, 'community_staff', 'community', place.communityId) ||
    hasGrant(actor, 'league_staff', 'community', place.communityId) ||
    hasGrant(actor, 'league_staff', 'street', place.streetId)
  );
}

/** A resident posts for themselves in the community they live in; staff post on someone's behalf in their scope. */
export function canPostWish(actor: Actor, place: WishPlace, onBehalf: boolean): boolean {
  if (onBehalf) return canManageWishes(actor, place);
  return actor.openid.length > 0 && actor.communityId === place.communityId;
}

/** Members claim for themselves; a unit admin claims for the unit as a group claim. */
export function canClaimWishes(actor: Actor, asUnit: boolean): boolean {
  return asUnit ? hasGrant(actor, 'unit_admin', 'unit') : actor.isMember;
}

export const canOfferHelp = canClaimWishes;

/** Campaigns are the league's: league staff of that community or street (or of the street a community is in). */
export function canRunCampaign(actor: Actor, scope: { scopeType: 'community' | 'street'; scopeId: string; streetId: string }): boolean {
  return (
    isAdmin(actor) ||
    hasGrant(actor, 'league_staff', scope.scopeType, scope.scopeId) ||
    (scope.scopeType === 'community' && hasGrant(actor, 'league_staff', 'street', scope.streetId))
  );
}

/** Staff of any wish scope see the staff pages (review queue, chase list, matching). */
export const isWishStaff = (actor: Actor) =>
  isAdmin(actor) || actor.grants.some((g) => g.role === 'community_staff' || g.role === 'league_staff');

/** 社区公告: that community's staff publish, edit and pin. */
export const canManageNotices = canManageCommunity;

/** 网络问政: a resident asks the community they live in. */
export const canAskCommunity = (actor: Actor, communityId: string) => actor.openid.length > 0 && actor.communityId === communityId;

export const canUseQaInbox = (actor: Actor) => desksOf(actor).length > 0;

/**
 * Accept, answer, transfer or escalate a question: staff of the organisation now responsible for it, or of the
 * 街道 above the community it was addressed to (the level that supervises and receives what is overdue).
 */
export function canHandleQuestion(actor: Actor, question: { handler: { type: 'community' | 'unit'; id: string }; streetId: string }): boolean {
  if (isAdmin(actor)) return true;
  const desks = desksOf(actor);
  return desks.includes(deskKey(question.handler.type, question.handler.id)) || desks.includes(deskKey('street', question.streetId));
}

/** A transfer is accepted or sent back by the receiving organisation's staff. */
export function canReceiveTransfer(actor: Actor, question: { transfer: { to: { type: 'community' | 'unit'; id: string } } | null }): boolean {
  const to = question.transfer?.to;
  return to !== undefined && desksOf(actor).includes(deskKey(to.type, to.id));
}

/** The asker's own question: follow up, rate, and see it whether public or not. */
export const isAskerOf = (actor: Actor, question: { askerOpenid: string }) => actor.openid.length > 0 && actor.openid === question.askerOpenid;

