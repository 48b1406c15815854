import type { Condition } from './condition';
import type { Verdict } from './policy';

/**
 * The review of a 报到 or a service log by community staff: pending → confirmed | rejected, once. The machine
 * gives the whole effect — the condition the conditional write must match and the fields it sets — so "only a
 * pending one is reviewed, and only once" is written here and nowhere else.
 */
export type ReviewDecision = 'confirm' | 'reject';

export interface Reviewer {
  openid: string;
  name: string;
  at: Date;
}

/** What the write must find: still pending (a second reviewer, or a retry, finds it reviewed and changes nothing). */
export const AWAITING_REVIEW: Condition = { status: 'pending' };

export const ALREADY_REVIEWED = { checkin: '该报到已处理，无需重复操作', log: '该记录已处理，无需重复操作' } as const;

/** Refused before anything is written when the document was already reviewed. */
export const awaitsReview = (doc: { status: string }, what: keyof typeof ALREADY_REVIEWED): Verdict =>
  doc.status === AWAITING_REVIEW.status ? { ok: true } : { ok: false, code: 'FAILED_PRECONDITION', message: ALREADY_REVIEWED[what] };

/** The fields a review sets: the outcome, who decided and when, and the reason a rejection gives. */
export function reviewFields(decision: ReviewDecision, reviewer: Reviewer, reason = '') {
  const signed = { reviewedBy: reviewer.openid, reviewedByName: reviewer.name, reviewedAt: reviewer.at };
  return decision === 'confirm' ? { status: 'confirmed' as const, ...signed } : { status: 'rejected' as const, ...signed, rejectReason: reason };
}
