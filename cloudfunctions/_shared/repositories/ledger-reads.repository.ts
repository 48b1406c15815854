import type { ServiceSummary } from '../../../src/domain/service-record';
import { database } from '../sdk';
import type { ArchivedCheckin, CheckinRecord } from './checkin.repository';
import type { OpinionRecord } from './opinion.repository';
import type { UserRecord } from './user.repository';

/**
 * Reads of the member views and the community ledgers. Each is one aggregate or one bounded query, so a page costs
 * the same round trips whatever the size of the unit or community.
 */

export interface UnitMemberRow {
  user: UserRecord;
  checkin: CheckinRecord | null;
  summary: ServiceSummary | null;
  opinions: OpinionRecord[];
  wishesHelped: number;
}

/**
 * A unit's members in the order the unit admin works through them — never reported, rejected or withdrawn first,
 * then lapsed (due), then pending, then active — by name within each; one aggregate joining the current 报到, the
 * service summary, the opinions and the wishes the member helped close.
 */
export async function unitMembersPage(unitId: string, now: Date, skip: number, limit: number): Promise<UnitMemberRow[]> {
  const db = database();
  const { data } = (await db
    .collection('users')
    .aggregate()
    .match({ 'member.workUnitId': unitId })
    .lookup({ from: 'checkins', localField: '_id', foreignField: '_id', as: 'checkin' })
    .addFields({
      standingRank: {
        $let: {
          vars: { c: { $arrayElemAt: ['$checkin', 0] } },
          in: {
            $switch: {
              branches: [
                { case: { $eq: [{ $size: '$checkin' }, 0] }, then: 0 },
                { case: { $not: [{ $in: ['$$c.status', ['pending', 'confirmed']] }] }, then: 0 },
                { case: { $lte: ['$$c.validUntil', now] }, then: 1 },
                { case: { $eq: ['$$c.status', 'pending'] }, then: 2 },
              ],
              default: 3,
            },
          },
        },
      },
      holderKey: { $concat: ['m:', '$_id'] },
    })
    .sort({ standingRank: 1, 'member.name': 1, _id: 1 })
    .skip(skip)
    .limit(limit)
    .lookup({ from: 'service_summaries', localField: '_id', foreignField: '_id', as: 'summary' })
    .lookup({ from: 'community_opinions', localField: '_id', foreignField: 'openid', as: 'opinions' })
    .lookup({ from: 'wishes', localField: 'holderKey', foreignField: 'claim.holderKey', as: 'held' })
    .addFields({ wishesHelped: { $size: { $filter: { input: '$held', as: 'w', cond: { $eq: ['$$w.status', 'closed'] } } } } })
    .project({ held: 0 })
    .end()) as { data: (UserRecord & { checkin: CheckinRecord[]; summary: ServiceSummary[]; opinions: OpinionRecord[]; wishesHelped: number })[] };
  return data.map(({ checkin, summary, opinions, wishesHelped, ...user }) => ({
    user: user as UserRecord,
    checkin: checkin[0] ?? null,
    summary: summary[0] ?? null,
    opinions,
    wishesHelped,
  }));
}

/** CloudBase answers at most 1 000 documents per query. */
const PAGE = 1000;

/** Up to `limit` documents of one query, in pages of 1 000 (one round trip each). */
async function readAll<T>(query: () => { skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown[] }> } } }, limit: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < limit) {
    const { data } = await query().skip(out.length).limit(Math.min(PAGE, limit - out.length)).get();
    out.push(...(data as T[]));
    if (data.length < PAGE) break;
  }
  return out;
}

/**
 * Every 报到 made in a community in [start, end): the current ones and those since replaced, at most `limit`. A page
 * on screen (limit ≤ 1 000) is one query per collection, in parallel; an export reads on in pages of 1 000.
 */
export async function checkinsOfCommunityBetween(communityId: string, start: Date, end: Date, limit: number): Promise<(CheckinRecord | ArchivedCheckin)[]> {
  const db = database();
  const _ = db.command;
  const where = { communityId, reportedAt: _.gte(start).and(_.lt(end)) };
  const [current, history] = await Promise.all([
    readAll<CheckinRecord>(() => db.collection('checkins').where(where).orderBy('reportedAt', 'asc'), limit),
    readAll<ArchivedCheckin>(() => db.collection('checkin_history').where(where).orderBy('reportedAt', 'asc'), limit),
  ]);
  return [...current, ...history].sort((a, b) => new Date(a.reportedAt).getTime() - new Date(b.reportedAt).getTime()).slice(0, limit);
}

/** The community's current 报到 (pending, confirmed, lapsed), by time of 报到: the opinion form's roll. */
export async function listCheckinsInCommunity(communityId: string): Promise<CheckinRecord[]> {
  const db = database();
  const { data } = await db
    .collection('checkins')
    .where({ communityId, status: db.command.in(['pending', 'confirmed']) })
    .orderBy('reportedAt', 'asc')
    .limit(1000)
    .get();
  return data as CheckinRecord[];
}

/**
 * A community ledger's documents in a range, oldest first, at most `limit`: one query for a screen (≤ 1 000), pages of
 * 1 000 for a file. `rangeField` holds a Date, or a `YYYY-MM-DD` string for service logs (compared as text).
 */
export async function communityDocsBetween<T>(
  collection: 'service_logs' | 'wishes' | 'questions',
  rangeField: 'serviceDate' | 'createdAt' | 'askedAt',
  communityId: string,
  range: { start: Date | string; end: Date | string },
  status: string | undefined,
  limit: number,
): Promise<T[]> {
  const db = database();
  const _ = db.command;
  const where = { communityId, ...(status ? { status } : {}), [rangeField]: _.gte(range.start).and(_.lt(range.end)) };
  return readAll<T>(() => db.collection(collection).where(where).orderBy(rangeField, 'asc').orderBy('_id', 'asc'), limit);
}

/**
 * A unit's service logs (stamped with the member's work unit when written) in a `YYYY-MM-DD` range, oldest first, at
 * most `limit`, only in `statuses`: one query for a screen, pages of 1 000 for a file (index `unit_date`).
 */
export async function unitLogsBetween<T>(unitId: string, range: { start: string; end: string }, statuses: readonly string[], limit: number): Promise<T[]> {
  const db = database();
  const _ = db.command;
  const where = { workUnitId: unitId, serviceDate: _.gte(range.start).and(_.lt(range.end)), status: _.in([...statuses]) };
  return readAll<T>(() => db.collection('service_logs').where(where).orderBy('serviceDate', 'asc').orderBy('_id', 'asc'), limit);
}
