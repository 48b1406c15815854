import type { NoticeCategory } from '../../../src/domain/notice.schema';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/** 社区公告 and 公示: one document per notice, earlier texts kept in `history` (edits never erase). */
const COLLECTION = 'notices';

export interface NoticeRevision {
  category: NoticeCategory;
  title: string;
  body: string;
  replacedAt: Date;
  editorOpenid: string;
}

export interface NoticeRecord {
  _id: string;
  version: number;
  communityId: string;
  communityName: string;
  category: NoticeCategory;
  title: string;
  body: string;
  pinned: boolean;
  publicityDays: number;
  publishedAt: Date;
  publicityEndsAt: Date | null;
  authorOpenid: string;
  editedAt: Date | null;
  history: NoticeRevision[];
}

/** A community keeps dozens of notices a year: its latest 100 cover the list page, in one indexed read. */
const LIST_LIMIT = 100;

export async function findNotice(id: string): Promise<NoticeRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return ((data as NoticeRecord[])[0] as NoticeRecord | undefined) ?? null;
}

export async function listNoticesOfCommunity(communityId: string, limit = LIST_LIMIT): Promise<NoticeRecord[]> {
  const { data } = await database().collection(COLLECTION).where({ communityId }).orderBy('publishedAt', 'desc').limit(limit).get();
  return data as NoticeRecord[];
}

/** Inserts under a deterministic id; false when a retry finds it already there. */
export async function insertNotice(notice: NoticeRecord): Promise<boolean> {
  try {
    await database().collection(COLLECTION).add(notice);
    return true;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    return false;
  }
}

/** Conditional on the version the editor saw: a stale edit is refused rather than silently overwriting another. */
export async function updateNotice(id: string, version: number, fields: Partial<Omit<NoticeRecord, '_id' | 'version'>>): Promise<boolean> {
  const db = database();
  const values = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value !== null && typeof value === 'object' && !(value instanceof Date) ? db.command.set(value) : value]),
  );
  const { updated } = (await db.collection(COLLECTION).where({ _id: id, version }).update({ ...values, version: version + 1 })) as { updated?: number };
  return updated === 1;
}
