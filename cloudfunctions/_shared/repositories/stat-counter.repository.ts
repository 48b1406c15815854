import { counterId, TOTAL_PERIOD, type CounterIncrement, type CounterScope, type CounterValues, type ParticipantMarker } from '../../../src/domain/stat-counters';
import type { MonthKey } from '../../../src/domain/stat-period';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * `stat_counters`: one document per scope and Shanghai month (src/domain/stat-counters.ts). Increments only
 * (`_.inc`), so concurrent transitions never lose each other's counts. The nightly timer creates the coming month's
 * documents ahead (`ensureMonthDocs`); one still missing (a unit created today) is created on first use. `stat_participants` holds the once-per-quarter markers behind the distinct `participants` count.
 */
const COLLECTION = 'stat_counters';
const MARKERS = 'stat_participants';

export interface CounterDoc extends CounterValues {
  _id: string;
  scopeType: CounterScope;
  scopeId: string;
  period: MonthKey;
  name?: string;
}

type Tx = { collection(name: string): ReturnType<ReturnType<typeof database>['collection']> };

const incFields = (inc: CounterValues) => {
  const _ = database().command;
  return Object.fromEntries(Object.entries(inc).map(([field, value]) => [field, _.inc(value as number)]));
};

async function applyOne(increment: CounterIncrement, tx?: Tx): Promise<void> {
  const coll = (tx ?? database()).collection(COLLECTION);
  const named = increment.name ? { name: increment.name } : {};
  const fresh = { _id: increment.id, scopeType: increment.scopeType, scopeId: increment.scopeId, period: increment.period, ...named, ...increment.inc };
  if (tx) {
    // Inside a transaction the read and the write commit together: no race between "missing" and "create".
    const { data } = (await coll.doc(increment.id).get()) as unknown as { data: CounterDoc | null };
    if (data) await coll.doc(increment.id).update({ ...incFields(increment.inc), ...named });
    else await coll.add(fresh);
    return;
  }
  const { updated } = (await coll.doc(increment.id).update({ ...incFields(increment.inc), ...named })) as { updated?: number };
  if (updated) return;
  try {
    await coll.add(fresh);
  } catch (error) {
    // Another transition created the month document meanwhile: increment it.
    if (!isDuplicateWrite(error)) throw error;
    await coll.doc(increment.id).update(incFields(increment.inc));
  }
}

/**
 * Applies a transition's increments (and its participant markers: the increment only when the marker is new).
 * Pass the transaction when the transition is written in one, so the counts commit with it. Outside one, the
 * documents that share the same increment (a transition's month, total and unit) take it in one update: one round
 * trip once the month's documents exist.
 */
export async function bumpCounters(increments: readonly CounterIncrement[], markers: readonly ParticipantMarker[] = [], tx?: Tx): Promise<void> {
  if (tx) for (const increment of increments) await applyOne(increment, tx);
  else await applyShared(increments);
  for (const marker of markers) {
    const coll = (tx ?? database()).collection(MARKERS);
    if (tx) {
      const { data } = (await coll.doc(marker.id).get()) as unknown as { data: unknown };
      if (data) continue;
      await coll.add({ _id: marker.id });
      await applyOne(marker.increment, tx);
      continue;
    }
    try {
      await coll.add({ _id: marker.id });
    } catch (error) {
      if (isDuplicateWrite(error)) continue;
      throw error;
    }
    await applyOne(marker.increment);
  }
}

async function applyShared(increments: readonly CounterIncrement[]): Promise<void> {
  const groups = new Map<string, CounterIncrement[]>();
  for (const i of increments) groups.set(JSON.stringify(i.inc), [...(groups.get(JSON.stringify(i.inc)) ?? []), i]);
  await Promise.all([...groups.values()].map((group) => (group.length === 1 ? applyOne(group[0]) : applyGroup(group))));
}

/**
 * One update for documents that take the same increment. The nightly timer creates every community's and unit's
 * documents of the coming month ahead (`ensureMonthDocs`), so this is one round trip; a missing document (a unit
 * created today) is created here. Documents are never deleted, so when the ones found afterwards are exactly as
 * many as were updated, they are exactly the updated ones and the rest missed the increment. If a concurrent first
 * write created one in between, which ones were updated cannot be told from here; that rare case is left to the
 * nightly reconciliation (every counter field is recomputed there) rather than risking a double count.
 */
async function applyGroup(group: CounterIncrement[]): Promise<void> {
  const db = database();
  const ids = group.map((i) => i.id);
  const { updated = 0 } = (await db.collection(COLLECTION).where({ _id: db.command.in(ids) }).update(incFields(group[0].inc))) as { updated?: number };
  if (updated === ids.length) return;
  const { data } = (await db.collection(COLLECTION).where({ _id: db.command.in(ids) }).field({ _id: true }).limit(ids.length).get()) as { data: { _id: string }[] };
  if (data.length !== updated) {
    console.warn(`stat_counters: ${ids.join(', ')} created concurrently; the nightly reconciliation corrects them`);
    return;
  }
  const existing = new Set(data.map((d) => d._id));
  await Promise.all(group.filter((i) => !existing.has(i.id)).map(create));
}

/** Creates a document holding this increment; when another request created it first, increments that one. */
async function create(increment: CounterIncrement): Promise<void> {
  const named = increment.name ? { name: increment.name } : {};
  try {
    await database().collection(COLLECTION).add({ _id: increment.id, scopeType: increment.scopeType, scopeId: increment.scopeId, period: increment.period, ...named, ...increment.inc });
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    await database().collection(COLLECTION).doc(increment.id).update(incFields(increment.inc));
  }
}

/** The same increments taken back (an undone transition, e.g. a claim refused after its take). */
export const negated = (increments: readonly CounterIncrement[]): CounterIncrement[] =>
  increments.map((i) => ({ ...i, inc: Object.fromEntries(Object.entries(i.inc).map(([f, v]) => [f, -(v as number)])) }));

/**
 * Creates the month documents (and a community's all-time document) that do not exist yet, with zero counts: the
 * nightly timer runs it for the coming month, so a transition's increment is one update and never a first write.
 * One read of which exist, then one insert per missing document (a duplicate means another request made it).
 */
export async function ensureMonthDocs(scopes: readonly { scopeType: CounterScope; scopeId: string; name?: string }[], periods: readonly string[]): Promise<number> {
  const wanted = new Map<string, Omit<CounterDoc, keyof CounterValues>>();
  for (const s of scopes) {
    for (const period of s.scopeType === 'community' ? [...periods, TOTAL_PERIOD] : periods) {
      const id = counterId(s.scopeType, s.scopeId, period);
      wanted.set(id, { _id: id, scopeType: s.scopeType, scopeId: s.scopeId, period: period as MonthKey, ...(s.name && s.scopeType === 'community' ? { name: s.name } : {}) });
    }
  }
  const db = database();
  const ids = [...wanted.keys()];
  const existing = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const { data } = (await db.collection(COLLECTION).where({ _id: db.command.in(chunk) }).field({ _id: true }).limit(chunk.length).get()) as { data: { _id: string }[] };
    for (const d of data) existing.add(d._id);
  }
  let created = 0;
  for (const [id, doc] of wanted) {
    if (existing.has(id)) continue;
    try {
      await db.collection(COLLECTION).add(doc);
      created += 1;
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  return created;
}

/** Counter documents of these scopes and months: one query on `_id` (missing months are simply absent). */
export async function readCounters(scopeType: CounterScope, scopeIds: readonly string[], periods: readonly MonthKey[]): Promise<CounterDoc[]> {
  const ids = scopeIds.flatMap((scopeId) => periods.map((period) => counterId(scopeType, scopeId, period)));
  if (ids.length === 0) return [];
  const _ = database().command;
  const { data } = (await database().collection(COLLECTION).where({ _id: _.in(ids) }).limit(ids.length).get()) as { data: CounterDoc[] };
  return data;
}

/** Every counter document of a month (community and unit scopes), page by page: every scope has one once created ahead. */
export async function countersOfMonth(period: MonthKey): Promise<CounterDoc[]> {
  const _ = database().command;
  const out: CounterDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = (await database().collection(COLLECTION).where({ scopeType: _.in(['community', 'unit']), period }).orderBy('_id', 'asc').skip(skip).limit(1000).get()) as { data: CounterDoc[] };
    out.push(...data);
    if (data.length < 1000) return out;
  }
}

/** A community's all-time documents (the wish wall's ledger): one indexed query. */
export async function communityTotals(communityId?: string): Promise<CounterDoc[]> {
  const where = { scopeType: 'community', period: TOTAL_PERIOD, ...(communityId ? { scopeId: communityId } : {}) };
  const { data } = (await database().collection(COLLECTION).where(where).limit(1000).get()) as { data: CounterDoc[] };
  return data;
}

/** Every community document (months and totals), page by page: the nightly check of the all-time totals. */
export async function allCommunityCounters(): Promise<CounterDoc[]> {
  const out: CounterDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = (await database().collection(COLLECTION).where({ scopeType: 'community' }).orderBy('_id', 'asc').skip(skip).limit(1000).get()) as { data: CounterDoc[] };
    out.push(...data);
    if (data.length < 1000) return out;
  }
}

/** Sets the given fields of one month document (creating it when missing): the reconciliation's correction. */
export async function setCounterFields(doc: { id: string; scopeType: CounterScope; scopeId: string; period: string }, fields: Record<string, number | string>, exists: boolean): Promise<void> {
  const coll = database().collection(COLLECTION);
  if (exists) await coll.doc(doc.id).update(fields);
  else await coll.add({ _id: doc.id, scopeType: doc.scopeType, scopeId: doc.scopeId, period: doc.period, ...fields });
}

/**
 * A unit's 报送 of a quarter lives beside its counters (`scopeType: 'submission'`, `_id = submission:<unitId>:<YYYY-Qn>`),
 * so a table and whether it was submitted are one read. The snapshot is the table as it was submitted.
 */
export interface SubmissionDoc<T = unknown> {
  _id: string;
  scopeType: 'submission';
  scopeId: string;
  period: string;
  unitName: string;
  submittedBy: string;
  submittedByName: string;
  submittedAt: Date;
  snapshot: T;
}

export const submissionId = (unitId: string, quarter: string) => `submission:${unitId}:${quarter}`;

/** Counter documents plus extra documents by id, in one query. */
export async function readCountersWith(scopeType: CounterScope, scopeIds: readonly string[], periods: readonly MonthKey[], extraIds: readonly string[]): Promise<(CounterDoc | SubmissionDoc)[]> {
  const ids = [...scopeIds.flatMap((scopeId) => periods.map((period) => counterId(scopeType, scopeId, period))), ...extraIds];
  const _ = database().command;
  const { data } = (await database().collection(COLLECTION).where({ _id: _.in(ids) }).limit(ids.length).get()) as { data: (CounterDoc | SubmissionDoc)[] };
  return data;
}

/** Stores the 报送 once: false when the quarter was submitted already (the first stands). */
export async function insertSubmission(doc: SubmissionDoc): Promise<boolean> {
  try {
    await database().collection(COLLECTION).add(doc);
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

/** Every unit's 报送 of a quarter (names and dates: the list the level above reads). */
export async function listSubmissions(quarter: string): Promise<SubmissionDoc[]> {
  const { data } = (await database()
    .collection(COLLECTION)
    .where({ scopeType: 'submission', period: quarter })
    .limit(1000)
    .get()) as { data: SubmissionDoc[] };
  return data;
}

/** One 报送 by its id (`submissionId`), or null. */
export async function findSubmission<T = unknown>(id: string): Promise<SubmissionDoc<T> | null> {
  const { data } = (await database().collection(COLLECTION).doc(id).get()) as { data: SubmissionDoc<T>[] };
  return data[0] ?? null;
}
