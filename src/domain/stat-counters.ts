import { monthOf, quarterKey, quarterOf, type MonthKey } from './stat-period';

/**
 * Statistics counters (docs/domain.md §统计): one document per scope and Shanghai month, `_id =
 * <scopeType>:<scopeId>:<YYYY-MM>`, incremented in the same write path as the transition it counts and recomputed
 * by the nightly reconciliation. This module maps a transition to its increments; the repository only applies them.
 */
export const COUNTER_SCOPES = ['community', 'unit'] as const;
export type CounterScope = (typeof COUNTER_SCOPES)[number];

export const COUNTER_FIELDS = [
  'wishPosted',
  'wishClaimed',
  'wishClosed',
  'wishClosedOnTime',
  /** 元, the declared value of wishes closed (销号). */
  'wishFunds',
  'qReceived',
  'qAccepted',
  'qAnswered',
  'qAnsweredOnTime',
  'qOverdue',
  'qEscalated',
  'qRated',
  'qSatisfied',
  'qUnsatisfied',
  /** 报到 reviewed (confirmed or sent back): the denominator of 报到率. */
  'checkinReviewed',
  'checkinConfirmed',
  /** Confirmed service hours × 10 (an integer, so increments never drift). */
  'serviceTenths',
  'serviceConfirmed',
  /** Distinct members with confirmed service in the quarter, counted in the month of their first one. */
  'participants',
] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];
export type CounterValues = Partial<Record<CounterField, number>>;

export interface CounterIncrement {
  id: string;
  scopeType: CounterScope;
  scopeId: string;
  /** A Shanghai month, or `total` (a community's all-time figures: the wish wall's ledger). */
  period: MonthKey | typeof TOTAL_PERIOD;
  inc: CounterValues;
  /** The community's name, kept on its documents so a ledger needs no second read for it. */
  name?: string;
}

export const TOTAL_PERIOD = 'total';

/** The first-of-quarter marker that makes `participants` a distinct count: added once per member, scope, quarter. */
export interface ParticipantMarker {
  id: string;
  /** The increment applied only when the marker is new. */
  increment: CounterIncrement;
}

export const counterId = (scopeType: CounterScope, scopeId: string, period: string) => `${scopeType}:${scopeId}:${period}`;

/** Where a transition counts: its community and the unit of the member (or unit) who did it. */
export interface CounterPlace {
  communityId: string | null;
  unitId: string | null;
  communityName?: string;
}

export type StatTransition =
  | { kind: 'wishPosted'; at: Date; place: CounterPlace }
  | { kind: 'wishClaimed'; at: Date; place: CounterPlace }
  | { kind: 'wishClosed'; at: Date; place: CounterPlace; onTime: boolean; value: number }
  | { kind: 'questionReceived'; at: Date; place: CounterPlace }
  | { kind: 'questionAccepted'; at: Date; place: CounterPlace }
  | { kind: 'questionAnswered'; at: Date; place: CounterPlace; onTime: boolean }
  | { kind: 'questionEscalated'; at: Date; place: CounterPlace }
  | { kind: 'questionRated'; at: Date; place: CounterPlace; satisfied: boolean }
  | { kind: 'checkinReviewed'; at: Date; place: CounterPlace; confirmed: boolean }
  | { kind: 'serviceConfirmed'; at: Date; place: CounterPlace; hours: number; replacedHours: number };

function valuesOf(t: StatTransition): CounterValues {
  switch (t.kind) {
    case 'wishPosted':
      return { wishPosted: 1 };
    case 'wishClaimed':
      return { wishClaimed: 1 };
    case 'wishClosed':
      return { wishClosed: 1, wishClosedOnTime: t.onTime ? 1 : 0, wishFunds: Math.max(0, Math.round(t.value)) };
    case 'questionReceived':
      return { qReceived: 1 };
    case 'questionAccepted':
      return { qAccepted: 1 };
    case 'questionAnswered':
      return { qAnswered: 1, qAnsweredOnTime: t.onTime ? 1 : 0, qOverdue: t.onTime ? 0 : 1 };
    case 'questionEscalated':
      return { qEscalated: 1 };
    case 'questionRated':
      return { qRated: 1, qSatisfied: t.satisfied ? 1 : 0, qUnsatisfied: t.satisfied ? 0 : 1 };
    case 'checkinReviewed':
      return { checkinReviewed: 1, checkinConfirmed: t.confirmed ? 1 : 0 };
    case 'serviceConfirmed':
      // A correction replaces the hours of the log it corrects: only the difference is added.
      return { serviceTenths: Math.round((t.hours - t.replacedHours) * 10), serviceConfirmed: t.replacedHours > 0 ? 0 : 1 };
  }
}

const scopesOf = (place: CounterPlace): [CounterScope, string][] => {
  const scopes: [CounterScope, string][] = [];
  if (place.communityId) scopes.push(['community', place.communityId]);
  if (place.unitId) scopes.push(['unit', place.unitId]);
  return scopes;
};

/** The increments a transition makes: one per scope it counts in, in the Shanghai month it happened. */
export function incrementsOf(t: StatTransition): CounterIncrement[] {
  const period = monthOf(t.at);
  const inc = Object.fromEntries(Object.entries(valuesOf(t)).filter(([, v]) => v !== 0)) as CounterValues;
  if (Object.keys(inc).length === 0) return [];
  const name = t.place.communityName ? { name: t.place.communityName } : {};
  return scopesOf(t.place).flatMap(([scopeType, scopeId]): CounterIncrement[] => {
    const month: CounterIncrement = { id: counterId(scopeType, scopeId, period), scopeType, scopeId, period, inc, ...(scopeType === 'community' ? name : {}) };
    if (scopeType !== 'community') return [month];
    return [month, { id: counterId(scopeType, scopeId, TOTAL_PERIOD), scopeType, scopeId, period: TOTAL_PERIOD, inc, ...name }];
  });
}

/** A member's confirmed service makes them a participant of the quarter, once per scope. */
export function participantMarkersOf(t: StatTransition, openid: string): ParticipantMarker[] {
  if (t.kind !== 'serviceConfirmed' || t.replacedHours > 0) return [];
  const period = monthOf(t.at);
  const { year, quarter } = quarterOf(t.at);
  return scopesOf(t.place).map(([scopeType, scopeId]) => ({
    id: `participant:${scopeType}:${scopeId}:${quarterKey(year, quarter)}:${openid}`,
    increment: { id: counterId(scopeType, scopeId, period), scopeType, scopeId, period, inc: { participants: 1 } },
  }));
}

/** Sums month documents (missing months count as zero). */
export function sumCounters(docs: readonly CounterValues[]): Record<CounterField, number> {
  const total = Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Record<CounterField, number>;
  for (const doc of docs) for (const f of COUNTER_FIELDS) total[f] += Number(doc[f] ?? 0);
  return total;
}

/** The wish facts the counters need: where it is and who holds its claim (a unit, or a member and their unit). */
export interface WishFacts {
  communityId: string;
  communityName: string;
  value: number;
  claim: { unitId: string | null; memberUnitId?: string | null } | null;
}

const wishPlace = (wish: WishFacts, withClaimant: boolean): CounterPlace => ({
  communityId: wish.communityId,
  communityName: wish.communityName,
  unitId: withClaimant && wish.claim ? (wish.claim.unitId ?? wish.claim.memberUnitId ?? null) : null,
});

/** A wish write's transitions, read from the 0/1 ledger flags the same write sets (wish-machine `ledgerOf`). */
export function wishTransitionsOf(changes: Record<string, unknown>, wish: WishFacts, at: Date): StatTransition[] {
  const out: StatTransition[] = [];
  const posted = changes['ledger.posted'] === 1 || (changes.ledger as { posted?: number } | undefined)?.posted === 1;
  if (posted) out.push({ kind: 'wishPosted', at, place: wishPlace(wish, false) });
  if (changes['ledger.claimed'] === 1) out.push({ kind: 'wishClaimed', at, place: wishPlace(wish, true) });
  if (changes['ledger.closed'] === 1) out.push({ kind: 'wishClosed', at, place: wishPlace(wish, true), onTime: changes['ledger.closedOnTime'] === 1, value: wish.value });
  return out;
}

/** The question facts the counters need (a subset of question-machine's `Question`). */
export interface QuestionFacts {
  communityId: string;
  communityName: string;
  handler: { type: 'community' | 'unit'; id: string };
  askedAt: Date;
  acceptedAt: Date | null;
  firstAnsweredAt: Date | null;
  answeredOnTime: boolean | null;
  escalated: boolean;
  escalatedAt: Date | null;
  rating: string | null;
}

/** Counted for the community asked, and for the unit when a unit handles it (after an accepted transfer). */
const questionPlace = (q: QuestionFacts): CounterPlace => ({ communityId: q.communityId, communityName: q.communityName, unitId: q.handler.type === 'unit' ? q.handler.id : null });

/** 满意 and 基本满意 count as satisfied; 不满意 as not. */
export const isSatisfied = (rating: string) => rating !== '不满意';

/** The transitions between two states of a question (null before: it was just asked). Firsts only, so a reopen never counts twice. */
export function questionTransitionsOf(before: QuestionFacts | null, after: QuestionFacts, at: Date): StatTransition[] {
  const place = questionPlace(after);
  const out: StatTransition[] = [];
  if (!before) out.push({ kind: 'questionReceived', at: after.askedAt, place });
  // A transfer a unit accepted: the unit received it then (the community counted it when it was asked).
  const toUnit = after.handler.type === 'unit' && (before?.handler.type !== 'unit' || before.handler.id !== after.handler.id);
  if (before && toUnit) out.push({ kind: 'questionReceived', at, place: { communityId: null, unitId: after.handler.id } });
  if (!before?.acceptedAt && after.acceptedAt) out.push({ kind: 'questionAccepted', at: after.acceptedAt, place });
  if (!before?.firstAnsweredAt && after.firstAnsweredAt) out.push({ kind: 'questionAnswered', at: after.firstAnsweredAt, place, onTime: after.answeredOnTime === true });
  if (!before?.escalated && after.escalated) out.push({ kind: 'questionEscalated', at: after.escalatedAt ?? at, place });
  if (!before?.rating && after.rating) out.push({ kind: 'questionRated', at, place, satisfied: isSatisfied(after.rating) });
  return out;
}
