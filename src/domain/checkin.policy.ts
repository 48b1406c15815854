import { allOf, canManageCommunity, rule, type Verdict } from './policy';
import { awaitsReview } from './review';
import type { Actor } from './roles';

/**
 * 报到, activities and service records (docs/authorization.md, area `checkin`). Member actions need a registered
 * 在职党员 acting for themselves; staff actions the community the document belongs to.
 */

export const NOT_A_MEMBER_MESSAGE = '请先登记为在职党员，再到社区报到和参加服务活动';

/** 报到, sign up for activities, check in and out, report service, ask for a certificate. */
export const isRegisteredMember = (actor: Actor): Verdict => rule(actor.isMember, NOT_A_MEMBER_MESSAGE);

/** The fence, the 报到码, pending 报到, the roster, activities and their rosters: staff of that community. */
export const canManageCheckins = (actor: Actor, target: { communityId: string }): Verdict => canManageCommunity(actor, target);

/** Confirm or send back a 报到: staff of the community it was made to, while it is still pending. */
export const canReviewCheckin = (actor: Actor, _input: unknown, checkin: { communityId: string; status: string }): Verdict =>
  allOf(canManageCommunity(actor, checkin), awaitsReview(checkin, 'checkin'));

/** Confirm or send back a service log: staff of the community the service was done in, while it is still pending. */
export const canReviewServiceLog = (actor: Actor, _input: unknown, log: { communityId: string; status: string }): Verdict =>
  allOf(canManageCommunity(actor, log), awaitsReview(log, 'log'));

/** An activity's roster, or checking everyone out: staff of the activity's community. */
export const canManageActivity = (actor: Actor, _input: unknown, activity: { communityId: string }): Verdict => canManageCommunity(actor, activity);
