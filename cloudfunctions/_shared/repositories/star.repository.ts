import type { StarStatus, SheetStatus } from '../../../src/domain/star-cycle';
import type { DirectDowngrade, Score, StarSheet, Stars } from '../../../src/domain/star-rating';
import type { StarDomain } from '../../../src/domain/star.schema';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * 五星创评: a year's cycle of a rating organisation with its frozen sheet (`star_cycles`, `sc-<orgId>-<year>`), one
 * assessment per branch and year (`star_assessments`, `sa-<year>-<branchId>`, with its history), and objections
 * (`star_objections`). Every step is a conditional update on `status`.
 */
const CYCLES = 'star_cycles';
const ASSESSMENTS = 'star_assessments';
const OBJECTIONS = 'star_objections';

interface Tx {
  collection(name: string): { doc(id: string): { get(): Promise<unknown>; update(data: object): Promise<unknown> } };
}

/** A rating organisation rates at most this many branches (a street or a unit committee has far fewer). */
export const STAR_BRANCH_LIMIT = 200;

export interface StarCycleRecord {
  _id: string;
  ratingOrgId: string;
  ratingOrgName: string;
  ratingOrgAncestors: string[];
  year: number;
  sheet: StarSheet;
  sheetStatus: SheetStatus;
  openedBy: string;
  openedAt: Date;
  /**
   * Raised by every write that gives stars (评定, 升级增星), in its transaction: two writes whose quota checks read
   * the same stars cannot both commit (each alone may fit a quota that both together break).
   */
  starsVersion?: number;
}

export interface ScoringRecord {
  deductions: { itemKey: string; ruleCode?: string; points: number; reason: string }[];
  bonus: number;
  proposedStars: Stars;
  starReason: string;
  score: Score;
  /** Whether the branch had a recognised innovation project when this was scored (five stars need one). */
  recognised: boolean;
  byOpenid: string;
  byName: string;
  at: Date;
}

export interface StarAssessmentRecord {
  _id: string;
  cycleId: string;
  ratingOrgId: string;
  year: number;
  branchId: string;
  branchName: string;
  reviewOrgId: string;
  domain: StarDomain;
  status: StarStatus;
  self: (ScoringRecord & { situation: string; evidence: { itemKey: string; photos: string[] }[] }) | null;
  review: (ScoringRecord & { downgrades: { code: DirectDowngrade; evidence: string }[]; collectiveDecision: string; problems: string; measures: string }) | null;
  returnReason: string | null;
  stars: Stars | null;
  starReason: string | null;
  ratedBy: string | null;
  ratedAt: Date | null;
  publicityEndsAt: Date | null;
  history: { at: Date; byOpenid: string; step: string; from: StarStatus; to: StarStatus; note: string }[];
}

export interface StarObjectionRecord {
  _id: string;
  ratingOrgId: string;
  year: number;
  branchId: string;
  branchName: string;
  objectorOpenid: string;
  /** Known to the rating organisation; masked on 公示. */
  objectorName: string;
  reason: string;
  requestId: string;
  at: Date;
  outcome: 'upheld' | 'dismissed' | null;
  reply: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export const cycleIdOf = (orgId: string, year: number) => `sc-${orgId}-${year}`;
export const assessmentIdOf = (branchId: string, year: number) => `sa-${year}-${branchId}`;

export async function findCycle(orgId: string, year: number): Promise<StarCycleRecord | null> {
  const { data } = await database().collection(CYCLES).doc(cycleIdOf(orgId, year)).get();
  return ((data as StarCycleRecord[])[0] as StarCycleRecord | undefined) ?? null;
}

/** False when the year is open already. */
export async function insertCycle(cycle: StarCycleRecord): Promise<boolean> {
  try {
    await database().collection(CYCLES).add(cycle);
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

/** Each branch once per year: a branch already in another organisation's cycle of that year is skipped. */
export async function insertAssessments(records: StarAssessmentRecord[]): Promise<number> {
  let added = 0;
  for (const record of records) {
    try {
      await database().collection(ASSESSMENTS).add(record);
      added++;
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  return added;
}

export async function findAssessment(branchId: string, year: number): Promise<StarAssessmentRecord | null> {
  const { data } = await database().collection(ASSESSMENTS).doc(assessmentIdOf(branchId, year)).get();
  return ((data as StarAssessmentRecord[])[0] as StarAssessmentRecord | undefined) ?? null;
}

export async function listCycleAssessments(orgId: string, year: number): Promise<StarAssessmentRecord[]> {
  const { data } = await database().collection(ASSESSMENTS).where({ ratingOrgId: orgId, year }).orderBy('branchName', 'asc').limit(STAR_BRANCH_LIMIT).get();
  return data as StarAssessmentRecord[];
}

/** Objects (the 自评, the 审核) replace the stored value whole: the SDK would otherwise merge them field by field. */
function wholeValues(changes: object, set: (value: unknown) => unknown): Record<string, unknown> {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, isObject(v) ? set(v) : v]));
}

/** Moves one assessment on if it is still in one of `from`; false when someone else moved it first. */
export async function updateAssessmentIf(id: string, from: readonly StarStatus[], changes: Partial<StarAssessmentRecord>, entry: StarAssessmentRecord['history'][number]): Promise<boolean> {
  const db = database();
  const _ = db.command;
  const result = (await db
    .collection(ASSESSMENTS)
    .where({ _id: id, status: _.in([...from]) })
    .update({ ...wholeValues(changes, _.set.bind(_)), history: _.push([entry]) })) as { updated: number };
  return result.updated === 1;
}

/**
 * The stars a quota check reads: the cycle's `starsVersion` first, then the year's assessments. A write that gives
 * stars and commits before the list is in it; one that commits after has moved the version, so `claimStarsVersion`
 * refuses to build on this set.
 */
export async function cycleStarSet(orgId: string, year: number): Promise<{ cycle: StarCycleRecord | null; version: number; all: StarAssessmentRecord[] }> {
  const cycle = await findCycle(orgId, year);
  return { cycle, version: cycle?.starsVersion ?? 0, all: await listCycleAssessments(orgId, year) };
}

/** In a transaction that gives stars: the cycle's `starsVersion` must still be the one checked; it is raised. */
export async function claimStarsVersion(t: Tx, orgId: string, year: number, checked: number): Promise<boolean> {
  const id = cycleIdOf(orgId, year);
  const { data: cycle } = (await t.collection(CYCLES).doc(id).get()) as unknown as { data: StarCycleRecord | null };
  if (!cycle || (cycle.starsVersion ?? 0) !== checked) return false;
  await t.collection(CYCLES).doc(id).update({ starsVersion: checked + 1 });
  return true;
}

/** The set moves to 公示 together, in one transaction: a set that half-moved would break the quotas it was checked on. */
export async function rateAll(
  set: { orgId: string; year: number; version: number },
  ids: string[],
  changesOf: (id: string) => Partial<StarAssessmentRecord>,
  entryOf: (id: string, from: StarStatus) => StarAssessmentRecord['history'][number],
): Promise<boolean> {
  return (await database().runTransaction(async (transaction: unknown) => {
    const t = transaction as Tx;
    if (!(await claimStarsVersion(t, set.orgId, set.year, set.version))) return false;
    const current: StarAssessmentRecord[] = [];
    for (const id of ids) {
      const { data: doc } = (await t.collection(ASSESSMENTS).doc(id).get()) as unknown as { data: StarAssessmentRecord | null };
      if (!doc || doc.status !== 'reviewed') return false;
      current.push(doc);
    }
    for (const doc of current) {
      await t.collection(ASSESSMENTS).doc(doc._id).update({ ...changesOf(doc._id), history: [...doc.history, entryOf(doc._id, doc.status)] });
    }
    return true;
  })) as boolean;
}

export async function insertObjection(objection: StarObjectionRecord): Promise<boolean> {
  try {
    await database().collection(OBJECTIONS).add(objection);
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

export async function findObjection(id: string): Promise<StarObjectionRecord | null> {
  const { data } = await database().collection(OBJECTIONS).doc(id).get();
  return ((data as StarObjectionRecord[])[0] as StarObjectionRecord | undefined) ?? null;
}

export async function listObjections(orgId: string, year: number): Promise<StarObjectionRecord[]> {
  const { data } = await database().collection(OBJECTIONS).where({ ratingOrgId: orgId, year }).orderBy('at', 'desc').limit(STAR_BRANCH_LIMIT).get();
  return data as StarObjectionRecord[];
}

/** Answered once: a second answer finds `outcome` set and changes nothing. */
export async function answerObjectionIf(id: string, changes: Pick<StarObjectionRecord, 'outcome' | 'reply' | 'answeredBy' | 'answeredAt'>): Promise<boolean> {
  const result = (await database().collection(OBJECTIONS).where({ _id: id, outcome: null }).update(changes)) as { updated: number };
  return result.updated === 1;
}

/** The year's cycles of the rating organisations under `orgId` (every one for null): who is to report a 统计表. */
export async function listCyclesOfYear(year: number, underOrgId: string | null): Promise<StarCycleRecord[]> {
  const where = underOrgId === null ? { year } : { ratingOrgAncestors: underOrgId, year };
  const { data } = await database().collection(CYCLES).where(where).orderBy('ratingOrgName', 'asc').limit(STAR_BRANCH_LIMIT).get();
  return data as StarCycleRecord[];
}

/** A person's 五星创评 to-do list is short; more than this is a sign to use the rating page instead. */
export const STAR_WORK_LIMIT = 100;

/** The year's assessments that may be the caller's to move on (one query; `starWorkItems` picks theirs). */
export async function listStarWork(year: number, scopes: { all: boolean; selfBranches: string[]; reviewOrgs: string[]; ratingOrgs: string[] }): Promise<StarAssessmentRecord[]> {
  const db = database();
  const _ = db.command;
  const clauses: object[] = [];
  if (scopes.selfBranches.length > 0) clauses.push({ branchId: _.in(scopes.selfBranches), year, status: 'self_assessing' });
  if (scopes.all) clauses.push({ year, status: _.in(['submitted', 'objected', 'reviewed']) });
  else {
    if (scopes.reviewOrgs.length > 0) clauses.push({ reviewOrgId: _.in(scopes.reviewOrgs), year, status: _.in(['submitted', 'objected']) });
    if (scopes.ratingOrgs.length > 0) clauses.push({ ratingOrgId: _.in(scopes.ratingOrgs), year, status: 'reviewed' });
  }
  if (clauses.length === 0) return [];
  const { data } = await db.collection(ASSESSMENTS).where(_.or(clauses)).limit(STAR_WORK_LIMIT).get();
  return data as StarAssessmentRecord[];
}
