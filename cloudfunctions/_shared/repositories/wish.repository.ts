import type { WallFilters, BeneficiaryType, WishCategory } from '../../../src/domain/wish.schema';
import type { WishEvent, WishStatus } from '../../../src/domain/wish-machine';
import type { Condition } from '../../../src/domain/condition';
import { database, whereOf } from '../sdk';
import { isDuplicateWrite } from './db-errors';
import { incrementsOf, wishTransitionsOf } from '../../../src/domain/stat-counters';
import { bumpCounters, negated } from './stat-counter.repository';

/**
 * One document per wish. The transition entries live inside it (`history`), so a state change and its entry are
 * one conditional write: they cannot disagree, and a claim stays within its round-trip budget.
 */
const COLLECTION = 'wishes';
const EPOCH = new Date(0);

export interface HistoryEntry {
  event: WishEvent | 'post';
  from: WishStatus | null;
  to: WishStatus;
  byOpenid: string;
  /** What the public may read: a role label or a masked name. */
  byLabel: string;
  at: Date;
  reason?: string;
}

export interface ClaimRecord {
  id: string;
  kind: 'member' | 'unit';
  /** `m:<openid>` or `u:<unitId>`: whose open-claims counter it uses. */
  holderKey: string;
  /** Who pressed 认领 (for a unit claim, the unit admin). */
  openid: string;
  unitId: string | null;
  /** A member's claim: their work unit (from the profile at claim time), whose statistics the wish counts in. */
  memberUnitId?: string | null;
  helperName: string;
  /** Public: the unit's name or the member's masked name. */
  helperDisplay: string;
  helperPhone: string | null;
  claimedAt: Date;
  deadline: Date;
  remindAt: Date;
  reminded: boolean;
}

export interface ContactReveal {
  openid: string;
  /** How the claimant is named to staff (member name or unit). */
  byLabel: string;
  at: Date;
}

export interface WishRecord {
  _id: string;
  title: string;
  story: string;
  category: WishCategory;
  beneficiaryType: BeneficiaryType;
  value: number;
  photos: string[];
  communityId: string;
  communityName: string;
  streetId: string;
  posterOpenid: string;
  onBehalf: boolean;
  /** Private: never in a public view. */
  beneficiary: { name: string; phone: string };
  status: WishStatus;
  version: number;
  publishAt: Date;
  createdAt: Date;
  closedAt: Date | null;
  contentFlag: 'review' | null;
  rejectReason: string | null;
  campaign: { id: string; name: string; perPersonLimit: number } | null;
  claim: ClaimRecord | null;
  /** Matching: staff proposed this wish to an offerer, who accepts by claiming. */
  proposal: { offerId: string; holderKey: string } | null;
  delivery: { photos: string[]; note: string; at: Date } | null;
  /**
   * Every time the beneficiary's contact was shown to someone because they claimed: who, when (whose: this wish's
   * beneficiary). Written with the claim itself, so the claim costs no extra round trip; staff see it on the wish.
   */
  contactReveals?: ContactReveal[];
  /** 0/1 flags kept with each transition, so the ledger is one aggregate over entries already judged. */
  ledger: { posted: number; claimed: number; closed: number; closedOnTime: number };
  history: HistoryEntry[];
}

export async function insertWish(wish: WishRecord): Promise<{ created: boolean }> {
  try {
    await database().collection(COLLECTION).add(wish);
    await countWish({ ledger: wish.ledger }, wish, wish.createdAt);
    return { created: true };
  } catch (error) {
    // Same deterministic id: a retried post; the first write stands.
    if (isDuplicateWrite(error)) return { created: false };
    throw error;
  }
}

export async function findWish(id: string): Promise<WishRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return ((data as WishRecord[])[0] as WishRecord | undefined) ?? null;
}

/**
 * The one way a wish changes state: only if it is still as the caller saw it (`expect`), in one write that
 * also appends the entry. Returns the wish after the change, or null when someone else moved it first.
 */
export async function updateWishIf(id: string, expect: Condition, changes: Record<string, unknown>, entry: HistoryEntry): Promise<WishRecord | null> {
  const db = database();
  const _ = db.command;
  const set = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v]));
  const { doc } = (await db
    .collection(COLLECTION)
    .where({ _id: id, ...whereOf(expect) })
    .updateAndReturn({ ...set, version: _.inc(1), history: _.push(entry) })) as { doc: WishRecord | null };
  if (doc) await countWish(changes, doc, entry.at);
  return doc ?? null;
}

/** The statistics counters of the transition just written (src/domain/stat-counters.ts). */
const countWish = (changes: Record<string, unknown>, wish: WishRecord, at: Date) => bumpCounters(wishTransitionsOf(changes, wish, at).flatMap(incrementsOf));

/**
 * The claim itself: the wish is taken only if it meets the machine's `claimCondition` — so of any number of
 * simultaneous claims exactly one gets it.
 */
export async function takeWish(id: string, condition: Condition, changes: Record<string, unknown>, entry: HistoryEntry, reveal: ContactReveal): Promise<WishRecord | null> {
  const db = database();
  const _ = db.command;
  const set = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? _.set(v) : v]));
  const { doc } = (await db
    .collection(COLLECTION)
    .where({ _id: id, ...whereOf(condition) })
    .updateAndReturn({ ...set, version: _.inc(1), history: _.push(entry), contactReveals: _.push(reveal) })) as { doc: WishRecord | null };
  return doc ?? null;
}

/**
 * A claim's statistics counters, applied by the claim handler beside the claimant's slot (not after it: neither
 * depends on the other, so the claim stays three sequential round trips). `undo` takes them back when the slot
 * was refused and the take undone, so an undone claim is never counted.
 */
export const countClaim = (changes: Record<string, unknown>, wish: WishRecord, at: Date, undo = false) => {
  const increments = wishTransitionsOf(changes, wish, at).flatMap(incrementsOf);
  return bumpCounters(undo ? negated(increments) : increments);
};

/** Undo of a claim whose counter could not be reserved: only while that very claim still holds the wish. */
export async function undoClaim(id: string, claimId: string, ledgerClaimed: number): Promise<void> {
  const db = database();
  const _ = db.command;
  await db
    .collection(COLLECTION)
    .where({ _id: id, status: 'claimed', 'claim.id': claimId })
    // The refused claimer never got the reply with the contact, so the reveal is undone with the claim.
    .update({ status: 'published', claim: null, version: _.inc(1), 'ledger.claimed': ledgerClaimed, history: _.pop(), contactReveals: _.pop() });
}

export async function setWishFields(id: string, expect: Record<string, unknown>, changes: Record<string, unknown>): Promise<boolean> {
  const db = database();
  const set = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? db.command.set(v) : v]));
  const { updated } = (await db.collection(COLLECTION).where({ _id: id, ...expect }).update(set)) as { updated: number };
  return updated === 1;
}

export const WALL_PAGE_SIZE = 20;

/** Published wishes open for claiming, newest first. Each filter combination has its index (cloudbaserc.json). */
export async function listWall(filters: WallFilters, now: Date, page: number): Promise<{ items: WishRecord[]; hasMore: boolean }> {
  const db = database();
  const where: Record<string, unknown> = { status: 'published' };
  if (filters.communityId) where.communityId = filters.communityId;
  if (filters.category) where.category = filters.category;
  if (filters.beneficiaryType) where.beneficiaryType = filters.beneficiaryType;
  where.publishAt = db.command.lte(now);
  const { data } = await db
    .collection(COLLECTION)
    .where(where)
    .orderBy('publishAt', 'desc')
    .skip(page * WALL_PAGE_SIZE)
    .limit(WALL_PAGE_SIZE + 1)
    .get();
  const list = data as WishRecord[];
  return { items: list.slice(0, WALL_PAGE_SIZE), hasMore: list.length > WALL_PAGE_SIZE };
}

/** 公示: closed wishes, most recently closed first. */
export async function listClosed(communityId: string | undefined, page: number): Promise<{ items: WishRecord[]; hasMore: boolean }> {
  const db = database();
  // The closedAt range picks the index ordered by closedAt over others that share status/community.
  const where: Record<string, unknown> = { status: 'closed', ...(communityId ? { communityId } : {}), closedAt: db.command.gt(EPOCH) };
  const { data } = await db.collection(COLLECTION).where(where).orderBy('closedAt', 'desc').skip(page * WALL_PAGE_SIZE).limit(WALL_PAGE_SIZE + 1).get();
  const list = data as WishRecord[];
  return { items: list.slice(0, WALL_PAGE_SIZE), hasMore: list.length > WALL_PAGE_SIZE };
}

export interface StaffScope {
  communityIds: string[];
  streetIds: string[];
  all: boolean;
}

/** Wishes in a state within the staff's communities and streets, ordered by `orderField` ascending. */
export async function listInScope(status: WishStatus, scope: StaffScope, orderField: 'createdAt' | 'claim.deadline', limit = 100): Promise<WishRecord[]> {
  const db = database();
  const _ = db.command;
  const range = { [orderField]: _.gt(EPOCH) };
  const queries: Record<string, unknown>[] = scope.all
    ? [{ status, ...range }]
    : [
        ...(scope.communityIds.length ? [{ status, communityId: _.in(scope.communityIds), ...range }] : []),
        ...(scope.streetIds.length ? [{ status, streetId: _.in(scope.streetIds), ...range }] : []),
      ];
  const results = await Promise.all(queries.map((q) => db.collection(COLLECTION).where(q).orderBy(orderField, 'asc').limit(limit).get()));
  const seen = new Map<string, WishRecord>();
  for (const { data } of results) for (const w of data as WishRecord[]) seen.set(w._id, w);
  const key = (w: WishRecord) => (orderField === 'createdAt' ? w.createdAt : (w.claim?.deadline ?? w.createdAt));
  return [...seen.values()].sort((a, b) => new Date(key(a)).getTime() - new Date(key(b)).getTime()).slice(0, limit);
}

/** Claims past their reminder time that have not been reminded yet. */
export async function listDueReminders(now: Date, limit = 200): Promise<WishRecord[]> {
  const db = database();
  const { data } = await db
    .collection(COLLECTION)
    .where({ status: 'claimed', 'claim.reminded': false, 'claim.remindAt': db.command.lte(now) })
    .orderBy('claim.remindAt', 'asc')
    .limit(limit)
    .get();
  return data as WishRecord[];
}

export async function listPostedBy(openid: string): Promise<WishRecord[]> {
  const { data } = await database().collection(COLLECTION).where({ posterOpenid: openid, createdAt: database().command.gt(EPOCH) }).orderBy('createdAt', 'desc').limit(50).get();
  return data as WishRecord[];
}

export async function listHeldBy(holderKeys: string[]): Promise<WishRecord[]> {
  const db = database();
  const { data } = await db.collection(COLLECTION).where({ 'claim.holderKey': db.command.in(holderKeys) }).limit(100).get();
  return (data as WishRecord[]).sort((a, b) => new Date(b.claim?.claimedAt ?? 0).getTime() - new Date(a.claim?.claimedAt ?? 0).getTime());
}

export async function listProposedTo(holderKeys: string[]): Promise<WishRecord[]> {
  const db = database();
  const { data } = await db.collection(COLLECTION).where({ 'proposal.holderKey': db.command.in(holderKeys), status: 'published' }).limit(50).get();
  return data as WishRecord[];
}

/** How many wishes in a state lie within the staff's scope (at most one count per scope kind, as listInScope reads). */
export async function countInScope(status: WishStatus, scope: StaffScope): Promise<number> {
  const db = database();
  const _ = db.command;
  const queries: Record<string, unknown>[] = scope.all
    ? [{ status }]
    : [
        ...(scope.communityIds.length ? [{ status, communityId: _.in(scope.communityIds) }] : []),
        // A wish of a listed community that is also in a listed street is counted once: the street query leaves those communities out.
        ...(scope.streetIds.length ? [{ status, streetId: _.in(scope.streetIds), ...(scope.communityIds.length ? { communityId: _.nin(scope.communityIds) } : {}) }] : []),
      ];
  const totals = await Promise.all(queries.map(async (q) => ((await db.collection(COLLECTION).where(q).count()) as { total: number }).total));
  return totals.reduce((a, b) => a + b, 0);
}
