import { createHash } from 'node:crypto';
import type { PledgeCategory, PledgeGrade, PledgeStatus } from '../../../src/domain/pledge';
import type { EvidenceRef } from '../../../src/domain/pledge.schema';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * 先锋创绩 pledges. `_id` = `p-<hash of openid>-<year>-<slot>` (slot 1…5), so the yearly limit holds with concurrent taps.
 * `orgPath` = the branch's ancestors and the branch itself: the public and reviewer lists of any node in the tree are
 * one indexed equality query on it. Progress entries live on the pledge (at most 20), so a pledge is one read.
 */
const PLEDGES = 'pledges';

export interface ProgressRecord {
  at: Date;
  text: string;
  photos: string[];
  evidence: EvidenceRef[];
  requestId: string;
}

export interface PledgeRecord {
  _id: string;
  openid: string;
  memberName: string;
  workUnitId: string;
  workUnitName: string;
  branchId: string;
  branchName: string;
  orgPath: string[];
  year: number;
  slot: number;
  /** The client's request id of the create: a retried create finds its pledge instead of taking a second slot. */
  requestIdOf: string;
  text: string;
  category: PledgeCategory;
  targetDate: string;
  status: PledgeStatus;
  returnReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  progress: ProgressRecord[];
  rating: { grade: PledgeGrade; comment: string; by: string; at: Date } | null;
  createdAt: Date;
}

/** Pledge ids are shown publicly, so they carry a hash of the openid, never the openid itself. */
export const pledgeIdOf = (openid: string, year: number, slot: number) => `p-${createHash('sha256').update(openid).digest('hex').slice(0, 16)}-${year}-${slot}`;

export const LIST_LIMIT = 100;

export async function findPledge(id: string): Promise<PledgeRecord | null> {
  const { data } = await database().collection(PLEDGES).doc(id).get();
  return ((data as PledgeRecord[])[0] as PledgeRecord | undefined) ?? null;
}

export async function listMine(openid: string, year: number): Promise<PledgeRecord[]> {
  const { data } = await database().collection(PLEDGES).where({ openid, year }).orderBy('slot', 'asc').limit(10).get();
  return data as PledgeRecord[];
}

/** false when the slot was taken meanwhile. */
export async function insertPledge(pledge: PledgeRecord): Promise<boolean> {
  try {
    await database().collection(PLEDGES).add(pledge);
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

export async function updatePledgeIf(id: string, expect: Record<string, unknown>, changes: Record<string, unknown>): Promise<boolean> {
  const db = database();
  // Whole-value replacement for objects (the rating): the SDK would otherwise merge them field by field into null.
  const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v && typeof v === 'object' && !(v instanceof Date) ? db.command.set(v) : v]));
  const { updated } = (await db.collection(PLEDGES).where({ _id: id, ...expect }).update(values)) as { updated?: number };
  return updated === 1;
}

export async function pushProgress(id: string, entry: ProgressRecord, maxEntries: number): Promise<boolean> {
  const db = database();
  const _ = db.command;
  // The size guard is part of the condition: two concurrent entries cannot push the list past its bound. A retry of
  // the same entry is caught by the handler's check of the request ids it read.
  const { updated } = (await db
    .collection(PLEDGES)
    .where({ _id: id, status: 'approved', rating: null, [`progress.${maxEntries - 1}`]: _.exists(false) })
    .update({ progress: _.push(entry) })) as { updated?: number };
  return updated === 1;
}

/** Pledges of a node's subtree in one state, newest first (the public wall, the reviewer's queues). */
export async function listInSubtree(orgId: string, status: PledgeStatus, year?: number, limit = LIST_LIMIT): Promise<PledgeRecord[]> {
  const where: Record<string, unknown> = { orgPath: orgId, status };
  if (year !== undefined) where.year = year;
  const { data } = await database().collection(PLEDGES).where(where).orderBy('createdAt', 'desc').limit(limit).get();
  return data as PledgeRecord[];
}

export async function countForBranch(branchId: string): Promise<number> {
  const { total } = (await database().collection(PLEDGES).where({ branchId }).count()) as { total: number };
  return total;
}

/** A merge: the source branch's pledges now belong to the target. */
export async function movePledges(fromBranchId: string, to: { _id: string; name: string; orgPath: string[] }): Promise<number> {
  const { updated } = (await database()
    .collection(PLEDGES)
    .where({ branchId: fromBranchId })
    .update({ branchId: to._id, branchName: to.name, orgPath: to.orgPath })) as { updated?: number };
  return updated ?? 0;
}

/** A move: the pledges of a moved branch carry its new path. */
export async function repathPledges(branchId: string, orgPath: string[]): Promise<void> {
  await database().collection(PLEDGES).where({ branchId }).update({ orgPath: database().command.set(orgPath) });
}

/**
 * A unit's members' pledges of a year with their 评诺 — the read the ledger lanes use for the unit view (一单一表).
 * One indexed query, at most 1000 rows.
 */
export async function listUnitPledges(workUnitId: string, year: number): Promise<PledgeRecord[]> {
  const { data } = await database().collection(PLEDGES).where({ workUnitId, year, status: 'approved' }).orderBy('createdAt', 'asc').limit(1000).get();
  return data as PledgeRecord[];
}

/** One page of a year's approved, not yet rated pledges in `_id` order (the 评诺 reminder walks them all). */
export async function listUnratedPage(year: number, afterId: string, limit = LIST_LIMIT): Promise<PledgeRecord[]> {
  const db = database();
  const { data } = await db
    .collection(PLEDGES)
    .where({ year, status: 'approved', rating: null, _id: db.command.gt(afterId) })
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data as PledgeRecord[];
}
