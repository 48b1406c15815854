import { counterId, type CounterField, type CounterScope, type CounterValues } from './stat-counters';

/**
 * The nightly reconciliation's arithmetic: facts read from the records (per community/unit and month) become the
 * values each month document should hold. Every counter field is reconciled: satisfaction from the final rating
 * (set when the rating closes the question, at `closedAt`), a unit's received questions from the thread's
 * `transfer_accepted` entries (which name the unit), and the distinct `participants` from the quarter's confirmed
 * service (`participantFacts`).
 */
export interface RecountFact {
  period: string;
  communityId: string | null;
  unitId: string | null;
  values: CounterValues;
}

const RECONCILED: readonly CounterField[] = [
  'wishPosted',
  'wishClaimed',
  'wishClosed',
  'wishClosedOnTime',
  'wishFunds',
  'qAccepted',
  'qAnswered',
  'qAnsweredOnTime',
  'qOverdue',
  'qEscalated',
  'checkinReviewed',
  'checkinConfirmed',
  'serviceTenths',
  'serviceConfirmed',
  'qReceived',
  'qRated',
  'qSatisfied',
  'qUnsatisfied',
  'participants',
];

export interface Recounted {
  id: string;
  scopeType: CounterScope;
  scopeId: string;
  period: string;
  values: Record<string, number>;
}

/** Sums the facts into one value set per month document; every reconciled field is present (zero when none). */
export function recounted(facts: readonly RecountFact[]): Map<string, Recounted> {
  const out = new Map<string, Recounted>();
  const add = (scopeType: CounterScope, scopeId: string, period: string, values: CounterValues) => {
    const id = counterId(scopeType, scopeId, period);
    const doc = out.get(id) ?? { id, scopeType, scopeId, period, values: Object.fromEntries(RECONCILED.map((f) => [f, 0])) };
    for (const [field, v] of Object.entries(values)) if (field in doc.values) doc.values[field] += Number(v ?? 0);
    out.set(id, doc);
  };
  for (const f of facts) {
    if (f.communityId) add('community', f.communityId, f.period, f.values);
    if (f.unitId) add('unit', f.unitId, f.period, f.values);
  }
  return out;
}

/** The fields of a stored document that differ from the recount (empty: it is right). */
export function driftOf(stored: CounterValues | undefined, expected: Recounted): Record<string, number> {
  return Object.fromEntries(Object.entries(expected.values).filter(([field, v]) => Number(stored?.[field as CounterField] ?? 0) !== v));
}

/** One member's confirmed service in a quarter, up to the month recounted: where, and the earliest service date. */
export interface ServiceOfMember {
  openid: string;
  communityId: string | null;
  unitId: string | null;
  /** YYYY-MM-DD, the earliest confirmed service date of this member at this community in the quarter so far. */
  firstDate: string;
}

/**
 * `participants` of a month: members whose earliest confirmed service of the quarter (per scope: a member who
 * served two communities counts once for their unit) falls in that month. `rows` cover the quarter's start up to
 * the month's end, so a member already counted in an earlier month of the quarter is not counted again.
 */
export function participantFacts(month: string, rows: readonly ServiceOfMember[]): RecountFact[] {
  const first = new Map<string, { scope: 'community' | 'unit'; id: string; date: string }>();
  const keep = (scope: 'community' | 'unit', id: string | null, openid: string, date: string) => {
    if (!id) return;
    const key = `${scope}:${id}:${openid}`;
    const known = first.get(key);
    if (!known || date < known.date) first.set(key, { scope, id, date });
  };
  for (const r of rows) {
    keep('community', r.communityId, r.openid, r.firstDate);
    keep('unit', r.unitId, r.openid, r.firstDate);
  }
  return [...first.values()]
    .filter((f) => f.date.slice(0, 7) === month)
    .map((f) => ({ period: month, communityId: f.scope === 'community' ? f.id : null, unitId: f.scope === 'unit' ? f.id : null, values: { participants: 1 } }));
}
