import type { CheckinStatus } from '../../../src/domain/checkin-term';
import type { LatLng } from '../../../src/domain/geo';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * 报到. `checkins/<openid>` is the member's current 报到, so "one active 报到 per member" holds by construction and a
 * first 报到 is one insert. A replaced 报到 moves to `checkin_history` (nothing is lost: community and unit keep it).
 */
const CURRENT = 'checkins';
const HISTORY = 'checkin_history';

export interface CheckinRecord {
  _id: string;
  openid: string;
  communityId: string;
  communityName: string;
  memberName: string;
  workUnitId: string;
  workUnitName: string;
  partyBranch: string;
  status: CheckinStatus;
  reportedAt: Date;
  validUntil: Date;
  distance: number;
  accuracy: number;
  /** Rounded to about 100 m (privacy rules). */
  point: LatLng;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  rejectReason: string | null;
  /** Bumped on every change, for conditional updates. */
  version: number;
}

export interface ArchivedCheckin extends Omit<CheckinRecord, '_id'> {
  _id: string;
  endedAt: Date;
  endReason: string;
}

type Tx = { collection(name: string): ReturnType<ReturnType<typeof database>['collection']> };

export async function findCurrentCheckin(openid: string): Promise<CheckinRecord | null> {
  const { data } = await database().collection(CURRENT).doc(openid).get();
  return ((data as CheckinRecord[])[0] as CheckinRecord | undefined) ?? null;
}

/** The first 报到 of a member: one insert. False when the member already has a current one. */
export async function insertCurrentCheckin(record: CheckinRecord): Promise<boolean> {
  try {
    await database().collection(CURRENT).add(record);
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

/**
 * Replaces the current 报到 with a new one and files the old one in history, in one transaction.
 * False when someone changed the current 报到 since it was read.
 */
export async function replaceCurrentCheckin(old: CheckinRecord, next: CheckinRecord, end: { status: CheckinStatus; reason: string; at: Date }): Promise<boolean> {
  return database().runTransaction(async (transaction: unknown) => {
    const t = transaction as Tx;
    const { data } = (await t.collection(CURRENT).doc(old._id).get()) as unknown as { data: CheckinRecord | null };
    if (!data || data.version !== old.version) return false;
    const { _id, ...rest } = old;
    const archived: ArchivedCheckin = { ...rest, _id: `${_id}_${new Date(old.reportedAt).getTime()}`, status: end.status, endedAt: end.at, endReason: end.reason };
    await t.collection(HISTORY).add(archived);
    const { _id: _same, ...fields } = next;
    await t.collection(CURRENT).doc(old._id).set({ ...fields, version: old.version + 1 });
    return true;
  }) as Promise<boolean>;
}


/** A state change guarded by the status the caller saw. */
export async function updateCheckinIf(openid: string, expected: { status: CheckinStatus; version: number }, fields: Partial<CheckinRecord>): Promise<boolean> {
  const db = database();
  const { updated } = (await db
    .collection(CURRENT)
    .where({ _id: openid, status: expected.status, version: expected.version })
    .update({ ...fields, version: db.command.inc(1) })) as { updated?: number };
  return updated === 1;
}

export async function listCheckinsOfCommunity(communityId: string, status: CheckinStatus): Promise<CheckinRecord[]> {
  const { data } = await database().collection(CURRENT).where({ communityId, status }).orderBy('reportedAt', 'asc').limit(500).get();
  return data as CheckinRecord[];
}

/** How many 报到 of the community are in a state (the workbench's pending count): one indexed count. */
export async function countCheckinsOfCommunity(communityId: string, status: CheckinStatus): Promise<number> {
  const { total } = (await database().collection(CURRENT).where({ communityId, status }).count()) as { total: number };
  return total;
}
