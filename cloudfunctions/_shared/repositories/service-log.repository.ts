import type { ActivityType } from '../../../src/domain/activity-types';
import type { QualityRating, ServiceLogKind, ServiceLogStatus } from '../../../src/domain/service-log.schema';
import { activityLengthHours } from '../../../src/domain/activity-window';
import { confirmationDelta, creditAfter, yearKey, type ServiceSummary } from '../../../src/domain/service-record';
import { matches } from '../../../src/domain/condition';
import { AWAITING_REVIEW, reviewFields, type Reviewer } from '../../../src/domain/review';
import { database, whereOf } from '../sdk';
import type { ActivityRecord } from './activity.repository';
import type { AttendanceRecord } from './attendance.repository';
import { isDuplicateWrite } from './db-errors';
import { incrementsOf, participantMarkersOf, type StatTransition } from '../../../src/domain/stat-counters';
import { parseShanghaiDate } from '../../../src/domain/shanghai-time';
import { bumpCounters } from './stat-counter.repository';
import type { UserRecord } from './user.repository';

/**
 * 服务纪实 and the per-member totals. Logs are never deleted: a correction is a new log that references the old one.
 * `service_summaries/<openid>` holds the confirmed totals, changed in the same transaction that confirms a log, so
 * "my record" costs the same with 10 000 logs as with 10.
 */
const LOGS = 'service_logs';
const SUMMARIES = 'service_summaries';
const ATTENDANCES = 'attendances';
const ACTIVITIES = 'activities';

export interface ServiceLogRecord {
  _id: string;
  kind: ServiceLogKind;
  status: ServiceLogStatus;
  openid: string;
  memberName: string;
  communityId: string;
  communityName: string;
  activityId: string | null;
  attendanceId: string | null;
  correctsLogId: string | null;
  supersededBy: string | null;
  type: ActivityType;
  title: string;
  /** `YYYY-MM-DD`, Shanghai; `year` is its year, for the record page's filter. */
  serviceDate: string;
  year: number;
  place: string;
  beneficiaries: string;
  content: string;
  /** 走访对象, 听取意见, 解决问题 of a self-reported visit (四进四联 台账); absent on older logs. */
  visited?: string | null;
  heard?: string | null;
  solved?: string | null;
  /** The member's work unit from their stored profile when the log was written, for the unit's 台账; absent on older logs. */
  workUnitId?: string | null;
  hours: number;
  reason: string | null;
  evidence: string[];
  rating: QualityRating | null;
  personInCharge: string;
  recorder: string;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  rejectReason: string | null;
  createdAt: Date;
}

type Tx = { collection(name: string): ReturnType<ReturnType<typeof database>['collection']> };
type Doc<T> = { data: T | null };

export async function findLog(id: string): Promise<ServiceLogRecord | null> {
  const { data } = await database().collection(LOGS).doc(id).get();
  return ((data as ServiceLogRecord[])[0] as ServiceLogRecord | undefined) ?? null;
}

/** Insert with a deterministic id; a repeat (retry, race) returns the log that is there. */
export async function insertLog(record: ServiceLogRecord): Promise<ServiceLogRecord> {
  try {
    await database().collection(LOGS).add(record);
    return record;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    return (await findLog(record._id)) ?? record;
  }
}

export async function listPendingLogs(communityId: string): Promise<ServiceLogRecord[]> {
  const { data } = await database().collection(LOGS).where({ communityId, status: 'pending' }).orderBy('createdAt', 'asc').limit(200).get();
  return data as ServiceLogRecord[];
}

export async function listMyLogs(openid: string, year: number | undefined, limit: number): Promise<ServiceLogRecord[]> {
  const query = year === undefined ? { openid } : { openid, year };
  const { data } = await database().collection(LOGS).where(query).orderBy('serviceDate', 'desc').orderBy('createdAt', 'desc').limit(limit).get();
  return data as ServiceLogRecord[];
}

export async function listConfirmedLogsBetween(openid: string, from: string, to: string): Promise<ServiceLogRecord[]> {
  const _ = database().command;
  const { data } = await database()
    .collection(LOGS)
    .where({ openid, status: 'confirmed', serviceDate: _.gte(from).and(_.lte(to)) })
    .orderBy('serviceDate', 'asc')
    .limit(1000)
    .get();
  return data as ServiceLogRecord[];
}

export async function findSummary(openid: string): Promise<ServiceSummary | null> {
  const { data } = await database().collection(SUMMARIES).doc(openid).get();
  return ((data as ServiceSummary[])[0] as ServiceSummary | undefined) ?? null;
}

export async function findSummaries(openids: string[]): Promise<(ServiceSummary & { _id: string })[]> {
  if (openids.length === 0) return [];
  const { data } = await database().collection(SUMMARIES).where({ _id: database().command.in(openids) }).limit(1000).get();
  return data as (ServiceSummary & { _id: string })[];
}

export type ReviewOutcome =
  | { kind: 'done'; log: ServiceLogRecord }
  | { kind: 'not_pending'; log: ServiceLogRecord }
  | { kind: 'over_length'; message: string }
  | { kind: 'missing' };

/** A 补录 of this attendance still awaiting review: at most one is open at a time. */
export async function findOpenCorrection(attendanceId: string): Promise<ServiceLogRecord | null> {
  const { data } = await database().collection(LOGS).where({ attendanceId, kind: 'correction', status: 'pending' }).limit(1).get();
  return ((data as ServiceLogRecord[])[0] as ServiceLogRecord | undefined) ?? null;
}

/**
 * Confirms a pending log and adds it to the member's totals in one transaction. A correction supersedes the log it
 * corrects (whose confirmed hours it replaces, not adds to).
 */
export async function confirmLog(id: string, reviewer: Reviewer, rating: QualityRating): Promise<ReviewOutcome> {
  return (await database().runTransaction(async (transaction: unknown) => {
    const t = transaction as Tx;
    const _ = database().command;
    const { data: log } = (await t.collection(LOGS).doc(id).get()) as unknown as Doc<ServiceLogRecord>;
    if (!log) return { kind: 'missing' };
    if (!matches(log as unknown as Record<string, unknown>, AWAITING_REVIEW)) return { kind: 'not_pending', log };

    let replaces: ServiceLogRecord | null = null;
    let supersedes: ServiceLogRecord | null = null;
    if (log.correctsLogId) {
      const { data: original } = (await t.collection(LOGS).doc(log.correctsLogId).get()) as unknown as Doc<ServiceLogRecord>;
      if (original && (original.status === 'confirmed' || original.status === 'pending')) {
        if (original.status === 'confirmed') replaces = original;
        supersedes = original;
      }
    }
    // The activity's credit is tallied on its attendance inside this transaction, so two 补录 confirmed at once
    // cannot together exceed the activity's length.
    if (log.attendanceId && log.activityId) {
      const { data: attendance } = (await t.collection(ATTENDANCES).doc(log.attendanceId).get()) as unknown as Doc<AttendanceRecord>;
      const { data: activity } = (await t.collection(ACTIVITIES).doc(log.activityId).get()) as unknown as Doc<ActivityRecord>;
      if (attendance && activity) {
        const cap = activityLengthHours({ startAt: new Date(activity.startAt), endAt: new Date(activity.endAt) });
        const credit = creditAfter(attendance.creditedHours ?? 0, replaces?.hours ?? 0, log.hours, cap);
        if (!credit.ok) return { kind: 'over_length', message: credit.message };
        await t.collection(ATTENDANCES).doc(attendance._id).update({ creditedHours: credit.credited });
      }
    }
    if (supersedes) await t.collection(LOGS).doc(supersedes._id).update({ status: 'superseded', supersededBy: log._id });
    const delta = confirmationDelta({ type: log.type, year: log.year, hours: log.hours }, replaces && { type: replaces.type, year: replaces.year, hours: replaces.hours });
    const reviewed = { ...reviewFields('confirm', reviewer), rating };
    await t.collection(LOGS).doc(id).update(reviewed);
    // The statistics counters commit with the confirmation: the member's unit comes from their profile.
    const { data: member } = (await t.collection('users').doc(log.openid).get()) as unknown as Doc<UserRecord>;
    const counted: StatTransition = {
      kind: 'serviceConfirmed',
      at: parseShanghaiDate(log.serviceDate) ?? reviewer.at,
      place: { communityId: log.communityId, communityName: log.communityName, unitId: member?.member?.workUnitId ?? null },
      hours: log.hours,
      replacedHours: replaces?.hours ?? 0,
    };
    await bumpCounters(incrementsOf(counted), participantMarkersOf(counted, log.openid), t);

    const year = yearKey(delta.entry.year);
    const { data: summary } = (await t.collection(SUMMARIES).doc(log.openid).get()) as unknown as Doc<ServiceSummary>;
    if (!summary) {
      const totals = { hours: delta.entry.hours, activities: delta.activities, byType: { [delta.entry.type]: delta.entry.hours } };
      await t.collection(SUMMARIES).add({ _id: log.openid, ...totals, years: { [year]: totals }, updatedAt: reviewer.at });
    } else {
      // Increments, so two confirmations for one member can never lose each other's hours.
      await t.collection(SUMMARIES).doc(log.openid).update({
        hours: _.inc(delta.entry.hours),
        activities: _.inc(delta.activities),
        [`byType.${delta.entry.type}`]: _.inc(delta.entry.hours),
        [`years.${year}.hours`]: _.inc(delta.entry.hours),
        [`years.${year}.activities`]: _.inc(delta.activities),
        [`years.${year}.byType.${delta.entry.type}`]: _.inc(delta.entry.hours),
        updatedAt: reviewer.at,
      });
    }
    return { kind: 'done', log: { ...log, ...reviewed } };
  })) as ReviewOutcome;
}

export async function rejectLog(id: string, reviewer: Reviewer, reason: string): Promise<ServiceLogRecord | null> {
  const db = database();
  const fields = reviewFields('reject', reviewer, reason);
  const { doc } = (await db.collection(LOGS).where({ _id: id, ...whereOf(AWAITING_REVIEW) }).updateAndReturn(fields)) as { doc?: ServiceLogRecord | null };
  return doc ?? null;
}

/** How many service logs of the community wait for confirmation (the workbench's pending count). */
export async function countPendingLogs(communityId: string): Promise<number> {
  const { total } = (await database().collection(LOGS).where({ communityId, status: 'pending' }).count()) as { total: number };
  return total;
}
