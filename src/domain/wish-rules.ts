import type { Condition } from './condition';

/** The numbers of 微心愿 (docs/domain.md §3). Defaults here; a deployment may override the settable ones. */
export const WISH_TITLE_MAX = 20;
export const WISH_STORY_MAX = 300;
/** A "micro" wish: estimated value in yuan. */
export const WISH_VALUE_MAX = 500;
export const WISH_PHOTOS_MAX = 3;
export const DELIVERY_PHOTOS_MAX = 3;
export const DELIVERY_NOTE_MAX = 200;
export const REASON_MAX = 100;

/** Open claims a member may hold at once (docs/domain.md §3: each cadre claims 1–2). */
export const MEMBER_OPEN_CLAIMS_LIMIT = 2;
/** A unit claims for a group of members, so it may hold more. */
export const UNIT_OPEN_CLAIMS_LIMIT = 10;

/**
 * A holder may take one more claim: under their open-claims limit and, in a campaign, under its per-person limit.
 * The one statement of the limits: the claim checks it in memory against the counter it read, and the counter's
 * conditional increment uses it as its condition, so concurrent claims cannot pass it either.
 */
export const slotCondition = (limit: number, campaign: { id: string; perPersonLimit: number } | null): Condition => ({
  open: { $lt: limit },
  ...(campaign ? { [`campaigns.${campaign.id}`]: { $ltOrMissing: campaign.perPersonLimit } } : {}),
});

/** How long a cancelled claim keeps its open-claim slot (see the machine's `hold`). */
export const CANCELLED_CLAIM_HOLD_DAYS = 7;

/** A counter's held slots (the end of each hold): those over at `now` may be given back. */
export function expiredHolds(holds: readonly (Date | string)[] | undefined, now: Date): number {
  return (holds ?? []).filter((until) => new Date(until).getTime() <= now.getTime()).length;
}

export const CLAIM_DEADLINE_DAYS = 15;
export const CLAIM_REMINDER_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export const claimDeadline = (claimedAt: Date) => new Date(claimedAt.getTime() + CLAIM_DEADLINE_DAYS * DAY_MS);
export const claimReminderAt = (claimedAt: Date) => new Date(claimedAt.getTime() + CLAIM_REMINDER_DAYS * DAY_MS);
export const holdUntil = (cancelledAt: Date) => new Date(cancelledAt.getTime() + CANCELLED_CLAIM_HOLD_DAYS * DAY_MS);

/** Where a claim stands against its deadline, for the chase list and the claimant's own page. */
export function claimUrgency(claim: { deadline: Date; remindAt: Date }, now: Date): 'ok' | 'due-soon' | 'overdue' {
  if (now.getTime() > claim.deadline.getTime()) return 'overdue';
  if (now.getTime() >= claim.remindAt.getTime()) return 'due-soon';
  return 'ok';
}

export const daysLeft = (deadline: Date, now: Date) => Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS);

/**
 * The open-claims count that 注销 sets on a member's counter: past every limit, so a claim racing the withdrawal
 * cannot reserve its slot and is undone; the reconciliation leaves such a counter alone.
 */
export const WITHDRAWN_CLAIM_BLOCK = 1_000_000;
