import type { Condition } from './condition';

/**
 * The 微心愿 lifecycle (docs/domain.md §3), pure and shared: the function decides with it and writes the effect it
 * returns, the client draws its buttons from it, so the UI never offers a move the server will refuse.
 */
export const WISH_STATUSES = ['submitted', 'published', 'rejected', 'claimed', 'fulfilled', 'closed', 'withdrawn', 'revoked'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  submitted: '待审核',
  published: '待认领',
  rejected: '未通过',
  claimed: '已认领',
  fulfilled: '已送达',
  closed: '已销号',
  withdrawn: '已撤回',
  revoked: '已撤销',
};

export const WISH_EVENTS = ['approve', 'reject', 'withdraw', 'claim', 'cancel', 'release', 'deliver', 'confirm', 'revoke'] as const;
export type WishEvent = (typeof WISH_EVENTS)[number];

export const WISH_EVENT_LABELS: Record<WishEvent, string> = {
  approve: '审核通过',
  reject: '驳回',
  withdraw: '撤回心愿',
  claim: '认领心愿',
  cancel: '取消认领',
  release: '释放认领',
  deliver: '标记已送达',
  confirm: '确认收到（销号）',
  revoke: '撤销',
};

/**
 * How the viewer stands to this wish. `poster`: who posted it (or staff who posted on someone's behalf);
 * `claimant`: who holds the live claim; `staff`: community/league staff whose scope covers it;
 * `helper`: a member or unit admin who could claim it (never the poster).
 */
export const WISH_RELATIONS = ['poster', 'claimant', 'staff', 'helper'] as const;
export type WishRelation = (typeof WISH_RELATIONS)[number];

/**
 * What the claim's slot on the holder's open-claims counter does: `release` gives back the open slot and the
 * campaign allowance (the claim did not happen), `deliver` only the open slot (it happened, it is no longer open),
 * `hold` gives back the campaign allowance but keeps the open slot for `CANCELLED_CLAIM_HOLD_DAYS`: the claimant has
 * seen the beneficiary's contact, so claim-and-cancel must not collect more contacts than the open-claims limit.
 */
type SlotEffect = 'release' | 'hold' | 'deliver' | null;

interface Transition {
  from: readonly WishStatus[];
  to: WishStatus;
  by: readonly WishRelation[];
  needsReason: boolean;
  /** Only from `claimed`: a slot is held only while the claim is open. */
  slot: SlotEffect;
  /** Fields the transition clears: a claim that ends takes its proposal (matching) with it. */
  clears: readonly ('claim' | 'proposal')[];
  /** Separation of duties: relations that may never make this move, whatever other relation they also hold. */
  notBy?: readonly WishRelation[];
}

export const TRANSITIONS: Record<WishEvent, Transition> = {
  approve: { from: ['submitted'], to: 'published', by: ['staff'], needsReason: false, slot: null, clears: [] },
  reject: { from: ['submitted'], to: 'rejected', by: ['staff'], needsReason: true, slot: null, clears: [] },
  withdraw: { from: ['submitted', 'published'], to: 'withdrawn', by: ['poster'], needsReason: false, slot: null, clears: [] },
  claim: { from: ['published'], to: 'claimed', by: ['helper'], needsReason: false, slot: null, clears: [] },
  cancel: { from: ['claimed'], to: 'published', by: ['claimant'], needsReason: true, slot: 'hold', clears: ['claim', 'proposal'] },
  release: { from: ['claimed'], to: 'published', by: ['staff'], needsReason: true, slot: 'release', clears: ['claim', 'proposal'] },
  deliver: { from: ['claimed'], to: 'fulfilled', by: ['claimant'], needsReason: false, slot: 'deliver', clears: [] },
  confirm: { from: ['fulfilled'], to: 'closed', by: ['poster', 'staff'], needsReason: false, slot: null, clears: [], notBy: ['claimant'] },
  revoke: { from: ['published', 'claimed', 'fulfilled'], to: 'revoked', by: ['staff'], needsReason: true, slot: 'release', clears: ['proposal'] },
};

/** The events that ask for a reason (the form shows a reason field, the schema requires one). */
export const NEEDS_REASON: readonly WishEvent[] = WISH_EVENTS.filter((e) => TRANSITIONS[e].needsReason);

/** States in which the wish holds exactly one live claim. */
export const CLAIM_HOLDING: readonly WishStatus[] = ['claimed', 'fulfilled'];

/**
 * What a claim must find, as the condition of its conditional update: still open for claiming, already published,
 * and not the claimer's own. The claim writes without reading the wish first, so this is the whole precondition;
 * `decide` explains a refusal with the same facts.
 */
export const claimCondition = (claimerOpenid: string, now: Date): Condition => ({
  status: TRANSITIONS.claim.from[0],
  publishAt: { $lte: now },
  posterOpenid: { $neq: claimerOpenid },
});

/** What every other transition must find: the wish exactly as the caller read it. */
export const unchangedCondition = (wish: { status: WishStatus; version: number }): Condition => ({ status: wish.status, version: wish.version });

/** The ledger is kept as 0/1 flags on each wish, set by the transition that earns them. */
export function ledgerOf(event: WishEvent, facts: { delivery: { at: Date } | null; claimDeadline: Date | null }): Record<string, number> {
  if (event === 'approve') return { 'ledger.posted': 1 };
  if (event === 'claim') return { 'ledger.claimed': 1 };
  if (event !== 'confirm') return {};
  const onTime = facts.delivery && facts.claimDeadline && facts.delivery.at.getTime() <= facts.claimDeadline.getTime();
  return { 'ledger.closed': 1, 'ledger.closedOnTime': onTime ? 1 : 0 };
}

/** The whole effect of a transition besides its own data (a photo, a reason): the fields it changes and the slot it frees. */
export function effectOf(event: WishEvent, wish: { status: WishStatus; delivery: { at: Date } | null; claimDeadline: Date | null }, now: Date) {
  const t = TRANSITIONS[event];
  const changes: Record<string, unknown> = { status: t.to, ...ledgerOf(event, wish) };
  for (const field of t.clears) changes[field] = null;
  if (t.to === 'closed') changes.closedAt = now;
  // A revoked wish that was only published or delivered holds no open slot.
  const slot = wish.status === 'claimed' ? t.slot : null;
  return { to: t.to, changes, slot };
}

/** The facts a decision depends on besides status: time rules of publication and the claim deadline. */
export interface WishFacts {
  status: WishStatus;
  publishAt: Date;
  claimDeadline: Date | null;
}

export type Decision =
  | { ok: true; to: WishStatus }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'FAILED_PRECONDITION'; message: string };

/** Whether `event` may happen now for someone standing in `relations` to the wish, and where it leads. */
export function decide(facts: WishFacts, event: WishEvent, relations: readonly WishRelation[], now: Date): Decision {
  const t = TRANSITIONS[event];
  if (!t.from.includes(facts.status)) return refusedByState(facts.status, event);
  if (!t.by.some((r) => relations.includes(r))) return { ok: false, code: 'FORBIDDEN', message: forbiddenMessage(event, relations) };
  if (t.notBy?.some((r) => relations.includes(r))) return { ok: false, code: 'FORBIDDEN', message: OWN_WORK_MESSAGES[event] ?? forbiddenMessage(event, relations) };
  if (event === 'claim' && now.getTime() < facts.publishAt.getTime()) {
    return { ok: false, code: 'FAILED_PRECONDITION', message: '该心愿尚未开放认领，请在活动开始后再来' };
  }
  if (event === 'release' && facts.claimDeadline && now.getTime() <= facts.claimDeadline.getTime()) {
    return { ok: false, code: 'FAILED_PRECONDITION', message: '认领尚未超过办理期限，不能释放' };
  }
  return { ok: true, to: t.to };
}

/** The moves to offer as buttons: exactly those `decide` would allow. */
export function availableEvents(facts: WishFacts, relations: readonly WishRelation[], now: Date): WishEvent[] {
  return WISH_EVENTS.filter((e) => decide(facts, e, relations, now).ok);
}

function refusedByState(status: WishStatus, event: WishEvent): Decision {
  if (event === 'claim' && CLAIM_HOLDING.includes(status)) return { ok: false, code: 'CONFLICT', message: '该心愿已被认领' };
  if (event === 'claim' && status === 'closed') return { ok: false, code: 'CONFLICT', message: '该心愿已被认领并已销号' };
  return { ok: false, code: 'FAILED_PRECONDITION', message: `心愿当前状态为「${WISH_STATUS_LABELS[status]}」，不能${WISH_EVENT_LABELS[event]}` };
}

/** The refusal of a move on one's own work says who else can make it. */
const OWN_WORK_MESSAGES: Partial<Record<WishEvent, string>> = {
  confirm: '不能为自己认领办理的心愿销号，请由心愿发布人或负责该社区的其他工作人员确认',
};

function forbiddenMessage(event: WishEvent, relations: readonly WishRelation[]): string {
  switch (event) {
    case 'claim':
      return relations.includes('poster') ? '不能认领自己发布的心愿' : '只有登记的在职党员或单位党组织可以认领心愿';
    case 'cancel':
    case 'deliver':
      return '只有认领人可以进行此操作';
    case 'withdraw':
      return '只有发布人可以撤回心愿';
    case 'confirm':
      return '只有心愿发布人或社区工作人员可以确认收到';
    default:
      return '只有负责该社区的工作人员可以进行此操作';
  }
}
