import { hasGrant, isAdmin, type Actor } from './roles';

/**
 * What a permission answers: yes, or no with the Chinese sentence the caller sees. The refusal's message lives
 * with its rule, so the function seam (`defineAction({ authorize })`) and a button that is hidden for the same
 * reason say the same thing. `code` is only for refusals that are not about who the caller is (a wish that is
 * already claimed): the seam sends `FORBIDDEN` otherwise. `NOT_FOUND` is for an object the caller may not know
 * exists: the refusal then reads exactly as for a missing id.
 */
export type Verdict = { ok: true } | { ok: false; message: string; code?: 'CONFLICT' | 'FAILED_PRECONDITION' | 'NOT_FOUND' };

export const ALLOW: Verdict = { ok: true };

/** `allowed` or the refusal `message`. */
export const rule = (allowed: boolean, message: string): Verdict => (allowed ? ALLOW : { ok: false, message });

/** The first refusal of several rules, or yes. */
export const allOf = (...verdicts: Verdict[]): Verdict => verdicts.find((v) => !v.ok) ?? ALLOW;

/** Community staff of that community (or an admin) may act for it: the scope of most staff work. */
export function managesCommunity(actor: Actor, communityId: string): boolean {
  return isAdmin(actor) || hasGrant(actor, 'community_staff', 'community', communityId);
}

export const NOT_COMMUNITY_STAFF = '只有本社区的工作人员可以进行此操作';

/** Staff work of the community a thing belongs to (报到, activities, service logs, fences, rosters). */
export const canManageCommunity = (actor: Actor, target: { communityId: string }, message = NOT_COMMUNITY_STAFF): Verdict =>
  rule(managesCommunity(actor, target.communityId), message);

/** Any logged-in person (access: 'user' already refuses the anonymous; this names the rule in the table). */
export const isSignedIn = (actor: Actor): Verdict => rule(actor.openid.length > 0, '请先登录');
