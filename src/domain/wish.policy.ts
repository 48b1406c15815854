import { ALLOW, allOf, rule, type Verdict } from './policy';
import { hasGrant, isAdmin, type Actor } from './roles';
import { decide, type WishEvent, type WishFacts, type WishRelation, type WishStatus } from './wish-machine';
import { holderOfKey, type ClaimHolder } from './wish-relations';

/** 微心愿 (docs/authorization.md, area `wish`): who posts, claims, matches, moves and sees what. */

/** Where a wish (or an offer, a campaign) lives: its community and the street that community belongs to. */
export interface WishPlace {
  communityId: string;
  streetId: string;
}

export interface WishParties extends WishPlace {
  posterOpenid: string;
  claim: ClaimHolder | null;
}

/** 微心愿 staff work (review, post on behalf, match, chase, release, revoke): that community's staff, or league staff of it or its street. */
export function managesWishes(actor: Actor, place: WishPlace): boolean {
  return (
    isAdmin(actor) ||
    hasGrant(actor, 'community_staff', 'community', place.communityId) ||
    hasGrant(actor, 'league_staff', 'community', place.communityId) ||
    hasGrant(actor, 'league_staff', 'street', place.streetId)
  );
}

/** A resident posts for themselves in the community they live in; staff post on someone's behalf in their scope. */
export function canPostWish(actor: Actor, input: { onBehalf: boolean }, place: WishPlace): Verdict {
  if (input.onBehalf) return rule(managesWishes(actor, place), '只有负责该社区的工作人员可以代为发布心愿');
  return rule(actor.openid.length > 0 && actor.communityId === place.communityId, '只能在您居住的社区发布心愿，请先在「我的」中选择所在社区');
}

/** Members claim (and offer help) for themselves; a unit admin for the unit, as a group claim. */
export function canClaimWishes(actor: Actor, input: { asUnit: boolean }): Verdict {
  return input.asUnit
    ? rule(hasGrant(actor, 'unit_admin', 'unit'), '只有单位党组织管理员可以以单位名义认领')
    : rule(actor.isMember, '只有登记的在职党员可以认领心愿，请先完成党员登记');
}

/** The ways this viewer may claim, for the buttons: the same rule the claim is checked with. */
export const claimOptions = (actor: Actor): ('member' | 'unit')[] =>
  (['member', 'unit'] as const).filter((as) => canClaimWishes(actor, { asUnit: as === 'unit' }).ok);

/** Campaigns are the league's: league staff of that community or street (or of the street a community is in). */
export function runsCampaign(actor: Actor, scope: { scopeType: 'community' | 'street'; scopeId: string; streetId: string }): boolean {
  return (
    isAdmin(actor) ||
    hasGrant(actor, 'league_staff', scope.scopeType, scope.scopeId) ||
    (scope.scopeType === 'community' && hasGrant(actor, 'league_staff', 'street', scope.streetId))
  );
}

export const canCreateCampaign = (actor: Actor, _input: unknown, scope: { scopeType: 'community' | 'street'; scopeId: string; streetId: string }): Verdict =>
  rule(runsCampaign(actor, scope), '只有负责该范围的团委工作人员可以组织活动');

export const canAdjustCampaign = (actor: Actor, campaign: { scopeType: 'community' | 'street'; scopeId: string; streetId: string }): Verdict =>
  rule(runsCampaign(actor, campaign), '只有负责该范围的团委工作人员可以调整活动');

/** Staff of any wish scope see the staff pages (review queue, chase list, matching, campaigns, reminders). */
export const isWishStaff = (actor: Actor) => isAdmin(actor) || actor.grants.some((g) => g.role === 'community_staff' || g.role === 'league_staff');

export const wishStaffOnly =
  (message = '仅社区或团委工作人员可以查看') =>
  (actor: Actor): Verdict =>
    rule(isWishStaff(actor), message);

/** A staff list narrowed to one community: only one they work on. */
export const canWorkOnCommunity = (actor: Actor, place: WishPlace): Verdict => rule(managesWishes(actor, place), '您不负责该社区的微心愿工作');

/** Every counter key the caller may act through: their own and each unit they administer. */
export const holderKeysOf = (actor: Actor) => [
  `m:${actor.openid}`,
  ...actor.grants.filter((g) => g.role === 'unit_admin' && g.scopeType === 'unit').map((g) => `u:${g.scopeId}`),
];

/** Matching a wish to an offer: staff responsible for both, and never to an offer of their own (separation of duties). */
export const canMatch = (actor: Actor, _input: unknown, pair: { wish: WishPlace; offer: WishPlace & { holderKey: string } }): Verdict =>
  allOf(
    rule(managesWishes(actor, pair.wish) && managesWishes(actor, pair.offer), '只有负责该社区的工作人员可以匹配心愿'),
    rule(!holderKeysOf(actor).includes(pair.offer.holderKey), '不能把心愿匹配给自己的认领意向，请由负责该社区的其他工作人员匹配'),
  );

/** Only the one a wish was proposed to declines the proposal. */
export const canDeclineProposal = (actor: Actor, _input: unknown, wish: { proposal: { holderKey: string } | null }): Verdict =>
  wish.proposal ? rule(holderKeysOf(actor).includes(wish.proposal.holderKey), '该匹配不是给您的') : ALLOW;

export function holdsClaim(actor: Actor, claim: ClaimHolder | null): boolean {
  if (!claim || !actor.openid) return false;
  if (claim.kind === 'unit') return claim.unitId !== null && hasGrant(actor, 'unit_admin', 'unit', claim.unitId);
  return claim.openid === actor.openid;
}

/** Whether the viewer is the one a pending proposal (matching) is for. */
export const isProposedTo = (actor: Actor, wish: { status: string; proposal: { holderKey: string } | null }) =>
  wish.status === 'published' && wish.proposal !== null && holdsClaim(actor, holderOfKey(wish.proposal.holderKey));

/** How the viewer stands to the wish, for the state machine. Anonymous viewers stand in no relation. */
export function wishRelations(actor: Actor, wish: WishParties): WishRelation[] {
  if (!actor.openid) return [];
  const relations: WishRelation[] = [];
  const isPoster = wish.posterOpenid === actor.openid;
  if (isPoster) relations.push('poster');
  if (holdsClaim(actor, wish.claim)) relations.push('claimant');
  if (managesWishes(actor, wish)) relations.push('staff');
  if (!isPoster && claimOptions(actor).length > 0) relations.push('helper');
  return relations;
}

/** The beneficiary's contact (name, phone): the claimant after the claim, the poster, and staff in scope; nobody else. */
export const canSeeBeneficiaryContact = (relations: readonly WishRelation[]) =>
  relations.includes('poster') || relations.includes('claimant') || relations.includes('staff');

/** Who may see a wish that is not public yet (under review, rejected, withdrawn, before its campaign). */
export const canSeeUnpublishedWish = (relations: readonly WishRelation[]) => canSeeBeneficiaryContact(relations);

/** The one answer about a wish someone may not see, the same as for an id that never existed. */
export const WISH_NOT_FOUND = '心愿不存在或尚未公开';

/** On the wall now: a public state, and past its (campaign's) publish time. */
export const isPublicWish = (wish: { status: WishStatus; publishAt: Date | string }, now: Date) =>
  ['published', 'claimed', 'fulfilled', 'closed'].includes(wish.status) && new Date(wish.publishAt).getTime() <= now.getTime();

/** A wish that is not public, to someone who may not see it: every action answers as if it did not exist. */
export const hiddenFrom = (actor: Actor, wish: WishParties & { status: WishStatus; publishAt: Date | string }, now: Date) =>
  !isPublicWish(wish, now) && !canSeeUnpublishedWish(wishRelations(actor, wish));

/** The facts a decision depends on besides who is asking, from a stored wish. */
export const factsOf = (w: { status: WishStatus; publishAt: Date | string; claim: { deadline: Date | string } | null }): WishFacts => ({
  status: w.status,
  publishAt: new Date(w.publishAt),
  claimDeadline: w.claim ? new Date(w.claim.deadline) : null,
});

type StoredWish = WishParties & { status: WishStatus; publishAt: Date | string; claim: (ClaimHolder & { deadline: Date | string }) | null };

/**
 * The policy of a move on a loaded wish: the machine decides from the state and the viewer's relations, and a
 * refusal keeps its own code (FORBIDDEN for who, CONFLICT / FAILED_PRECONDITION for when).
 */
export function canMoveWish(actor: Actor, event: WishEvent, wish: StoredWish, now: Date): Verdict {
  if (hiddenFrom(actor, wish, now)) return { ok: false, code: 'NOT_FOUND', message: WISH_NOT_FOUND };
  const decision = decide(factsOf(wish), event, wishRelations(actor, wish), now);
  if (decision.ok) return ALLOW;
  return decision.code === 'FORBIDDEN' ? { ok: false, message: decision.message } : { ok: false, code: decision.code, message: decision.message };
}

/**
 * The communities and streets whose wishes an actor works on (admins: all). The wish staff lists and the workbench's
 * count read the same scope.
 */
export function wishStaffScope(actor: Actor): { communityIds: string[]; streetIds: string[]; all: boolean } {
  const wishGrants = actor.grants.filter((g) => g.role === 'community_staff' || g.role === 'league_staff');
  return {
    communityIds: wishGrants.filter((g) => g.scopeType === 'community').map((g) => g.scopeId),
    streetIds: wishGrants.filter((g) => g.role === 'league_staff' && g.scopeType === 'street').map((g) => g.scopeId),
    all: isAdmin(actor),
  };
}
