import { createHash } from 'node:crypto';
import type { CheckinTerm, OpinionGrade } from '../../../src/domain/community-opinion';
import { database } from '../sdk';
import type { ArchivedCheckin, CheckinRecord } from './checkin.repository';
import type { UserRecord } from './user.repository';

/**
 * 社区意见: one document per community, year and member. Its id is a hash of the three, so giving the opinion again
 * revises the same document (no duplicates under retries), and the id shown to the member and the unit carries no openid.
 */
const COLLECTION = 'community_opinions';

export interface OpinionRecord {
  _id: string;
  communityId: string;
  communityName: string;
  year: number;
  openid: string;
  memberName: string;
  workUnitId: string;
  workUnitName: string;
  grade: OpinionGrade;
  comment: string;
  ratedBy: string;
  ratedByName: string;
  ratedAt: Date;
  appeal: { text: string; at: Date } | null;
}

export const opinionIdOf = (communityId: string, year: number, openid: string) =>
  createHash('sha256').update(`${communityId}|${year}|${openid}`).digest('hex').slice(0, 24);

export async function findOpinion(id: string): Promise<OpinionRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return ((data as OpinionRecord[])[0] as OpinionRecord | undefined) ?? null;
}

/** Gives or revises the opinion; a 申辩 already made stays with it. */
export async function saveOpinion(record: Omit<OpinionRecord, 'appeal'>): Promise<void> {
  const { _id, ...fields } = record;
  const db = database();
  const { updated } = (await db.collection(COLLECTION).doc(_id).update(fields)) as { updated?: number };
  if (updated) return;
  await db.collection(COLLECTION).doc(_id).set({ ...fields, appeal: null });
}

/** The one 申辩: only while there is none (a conditional update, so two taps make one). */
export async function addAppeal(id: string, text: string, at: Date): Promise<boolean> {
  const db = database();
  // Whole-value set: the SDK would otherwise write `appeal.text`, which cannot go inside null.
  const { updated } = (await db.collection(COLLECTION).where({ _id: id, appeal: null }).update({ appeal: db.command.set({ text, at }) })) as { updated?: number };
  return updated === 1;
}

export async function listOpinionsOfCommunity(communityId: string, year: number): Promise<OpinionRecord[]> {
  const { data } = await database().collection(COLLECTION).where({ communityId, year }).limit(1000).get();
  return data as OpinionRecord[];
}

export async function listOpinionsOf(openids: string[], year?: number): Promise<OpinionRecord[]> {
  if (openids.length === 0) return [];
  const db = database();
  const where = year === undefined ? { openid: db.command.in(openids) } : { openid: db.command.in(openids), year };
  const { data } = await db.collection(COLLECTION).where(where).orderBy('year', 'desc').limit(200).get();
  return data as OpinionRecord[];
}

/**
 * A member's 报到 terms in one community, current and archived, for the grade rule: one round trip (the current
 * document joined with its history).
 */
export async function checkinTermsOf(openid: string): Promise<{ user: UserRecord | null; current: CheckinRecord | null; terms: CheckinTerm[] }> {
  const db = database();
  const { data } = (await db
    .collection('users')
    .aggregate()
    .match({ _id: openid })
    .lookup({ from: 'checkins', localField: '_id', foreignField: '_id', as: 'current' })
    .lookup({ from: 'checkin_history', localField: '_id', foreignField: 'openid', as: 'history' })
    .end()) as { data: (UserRecord & { current: CheckinRecord[]; history: ArchivedCheckin[] })[] };
  const row = data[0];
  const { current: _c, history: _h, ...user } = row ?? { current: [], history: [] };
  const current = row?.current[0] ?? null;
  const confirmed = (c: CheckinRecord | ArchivedCheckin) => c.reviewedAt != null && c.rejectReason == null && c.status !== 'rejected' && c.status !== 'pending';
  const terms = [...(current ? [current] : []), ...(row?.history ?? [])].map((c) => ({
    communityId: c.communityId,
    confirmed: confirmed(c),
    reportedAt: c.reportedAt,
    validUntil: c.validUntil,
  }));
  return { user: row ? (user as UserRecord) : null, current, terms };
}
