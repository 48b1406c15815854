import type { AttendanceStatus } from '../../../src/domain/activity.schema';
import type { LatLng } from '../../../src/domain/geo';
import { database } from '../sdk';
import type { ActivityRecord } from './activity.repository';
import { isDuplicateWrite } from './db-errors';

/**
 * A member's part in one activity, from sign-up to check-out, in ONE document with a deterministic id
 * (`<activityId>_<openid>`): a second sign-up or check-in cannot make a second record, whatever the concurrency.
 */
const COLLECTION = 'attendances';
const ACTIVITIES = 'activities';

export interface AttendanceReading {
  at: Date;
  distance: number;
  accuracy: number;
  point: LatLng;
}

export interface AttendanceRecord {
  _id: string;
  activityId: string;
  communityId: string;
  openid: string;
  memberName: string;
  workUnitName: string;
  /** From the stored profile at sign-up, stamped on the activity's service log (absent on older sign-ups). */
  workUnitId?: string;
  status: AttendanceStatus;
  signedUpAt: Date;
  checkIn: AttendanceReading | null;
  checkOut: (AttendanceReading & { by: 'self' }) | { at: Date; by: 'staff'; staffOpenid: string } | null;
  hours: number | null;
  logId: string | null;
  /** Hours confirmed for this attendance across its log and its 补录 (absent until the first confirmation). */
  creditedHours?: number;
}

export const attendanceId = (activityId: string, openid: string) => `${activityId}_${openid}`;

type Tx = { collection(name: string): ReturnType<ReturnType<typeof database>['collection']> };
type Doc<T> = { data: T | null };

export async function findAttendance(id: string): Promise<AttendanceRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return ((data as AttendanceRecord[])[0] as AttendanceRecord | undefined) ?? null;
}

export type SignUpOutcome = { kind: 'signed_up' | 'already'; attendance: AttendanceRecord } | { kind: 'full' } | { kind: 'missing' };

/**
 * Sign-up with the capacity held under concurrency: the seat count and the attendance change in one transaction,
 * the count by increment so no two sign-ups can both take the last seat.
 */
export async function signUpTransaction(activityId: string, fresh: AttendanceRecord): Promise<SignUpOutcome> {
  try {
    return (await database().runTransaction(async (transaction: unknown) => {
      const t = transaction as Tx;
      const { data: activity } = (await t.collection(ACTIVITIES).doc(activityId).get()) as unknown as Doc<ActivityRecord>;
      if (!activity) return { kind: 'missing' };
      const { data: existing } = (await t.collection(COLLECTION).doc(fresh._id).get()) as unknown as Doc<AttendanceRecord>;
      if (existing && existing.status !== 'cancelled') return { kind: 'already', attendance: existing };
      if (activity.signedUp >= activity.capacity) return { kind: 'full' };
      const { _id, ...fields } = fresh;
      if (existing) await t.collection(COLLECTION).doc(_id).set(fields);
      else await t.collection(COLLECTION).add(fresh);
      await t.collection(ACTIVITIES).doc(activityId).update({ signedUp: database().command.inc(1) });
      return { kind: 'signed_up', attendance: fresh };
    })) as SignUpOutcome;
  } catch (error) {
    // Two first sign-ups of one member raced to insert the same id: the loser returns the winner's record.
    if (!isDuplicateWrite(error)) throw error;
    const attendance = await findAttendance(fresh._id);
    if (!attendance) throw error;
    return { kind: 'already', attendance };
  }
}

export async function cancelSignUpTransaction(activityId: string, id: string): Promise<AttendanceRecord | null> {
  return (await database().runTransaction(async (transaction: unknown) => {
    const t = transaction as Tx;
    const { data: existing } = (await t.collection(COLLECTION).doc(id).get()) as unknown as Doc<AttendanceRecord>;
    if (!existing || existing.status !== 'signed_up') return existing;
    await t.collection(COLLECTION).doc(id).update({ status: 'cancelled' });
    await t.collection(ACTIVITIES).doc(activityId).update({ signedUp: database().command.inc(-1) });
    return { ...existing, status: 'cancelled' };
  })) as AttendanceRecord | null;
}

/**
 * A state step guarded by the state it starts from: of any number of simultaneous scans exactly one moves the
 * record; the others get null and read what it became. One round trip.
 */
export async function stepAttendance(id: string, from: AttendanceStatus, fields: Partial<AttendanceRecord>): Promise<AttendanceRecord | null> {
  const db = database();
  // Whole-value replacement of the nested readings: the SDK would otherwise merge them field by field into null.
  const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v && typeof v === 'object' && !(v instanceof Date) ? db.command.set(v) : v]));
  const { doc } = (await db.collection(COLLECTION).where({ _id: id, status: from }).updateAndReturn(data)) as { doc?: AttendanceRecord | null };
  return doc ?? null;
}

export async function listAttendancesOfActivity(activityId: string, status?: AttendanceStatus): Promise<AttendanceRecord[]> {
  const db = database();
  const query = status ? { activityId, status } : { activityId, status: db.command.neq('cancelled') };
  const { data } = await db.collection(COLLECTION).where(query).orderBy('signedUpAt', 'asc').limit(1000).get();
  return data as AttendanceRecord[];
}

export async function listMyAttendances(openid: string, activityIds: string[]): Promise<AttendanceRecord[]> {
  if (activityIds.length === 0) return [];
  const { data } = await database()
    .collection(COLLECTION)
    .where({ _id: database().command.in(activityIds.map((a) => attendanceId(a, openid))) })
    .limit(activityIds.length)
    .get();
  return data as AttendanceRecord[];
}
