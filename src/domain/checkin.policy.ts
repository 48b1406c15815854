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

/**
 * Separation of duties: nobody reviews their own 报到 or service record, whatever roles they hold (a community worker
 * is often a member of that community too). A certificate anyone can verify must mean someone else confirmed it.
 */
const notOwnWork = (actor: Actor, owner: { openid: string }, message: string): Verdict => rule(owner.openid !== actor.openid, message);

const OWN_CHECKIN_MESSAGE = '不能审核自己的报到，请由本社区其他工作人员确认';
const OWN_LOG_MESSAGE = '不能确认自己的服务记录，请由本社区其他工作人员确认';

/** Confirm or send back a 报到: staff of the community it was made to, not their own, while it is still pending. */
export const canReviewCheckin = (actor: Actor, _input: unknown, checkin: { openid: string; communityId: string; status: string }): Verdict =>
  allOf(canManageCommunity(actor, checkin), notOwnWork(actor, checkin, OWN_CHECKIN_MESSAGE), awaitsReview(checkin, 'checkin'));

/** Confirm or send back a service log (or 补录): staff of the community the service was done in, not their own, while pending. */
export const canReviewServiceLog = (actor: Actor, _input: unknown, log: { openid: string; communityId: string; status: string }): Verdict =>
  allOf(canManageCommunity(actor, log), notOwnWork(actor, log, OWN_LOG_MESSAGE), awaitsReview(log, 'log'));

/** What a certificate may count: a confirmed log someone other than its member confirmed. */
export const countsForCertificate = (log: { openid: string; status: string; reviewedBy: string | null }): boolean =>
  log.status === 'confirmed' && log.reviewedBy !== null && log.reviewedBy !== log.openid;

/** An activity's roster, or checking everyone out: staff of the activity's community. */
export const canManageActivity = (actor: Actor, _input: unknown, activity: { communityId: string }): Verdict => canManageCommunity(actor, activity);
