import { createHash } from 'node:crypto';
import type { MediaCheckState } from '../../../src/domain/media-check';
import { database } from '../sdk';

/**
 * One document per checked photo (`_id` derived from the file id, so a photo submitted again replaces its earlier
 * check), found by WeChat's trace_id when the push arrives. trace_ids never leave the functions: a caller who could
 * name one could not forge a push anyway (the push handler refuses callers with an identity), but there is no reason
 * to hand them out.
 */
const COLLECTION = 'media_checks';

export interface MediaCheckRecord {
  _id: string;
  fileId: string;
  traceId: string | null;
  state: MediaCheckState;
  label: string | null;
  submittedAt: Date;
  checkedAt: Date | null;
}

/** A document id from the file id: file ids are long and carry `/` and `:`. */
const idOf = (fileId: string) => createHash('sha256').update(fileId).digest('hex').slice(0, 32);

export async function recordSubmittedCheck(fileId: string, traceId: string | null, state: MediaCheckState, now: Date): Promise<void> {
  const record: Omit<MediaCheckRecord, '_id'> = { fileId, traceId, state, label: null, submittedAt: now, checkedAt: null };
  await database().collection(COLLECTION).doc(idOf(fileId)).set(record);
}

/** Settles the check WeChat answered; false when no check has this trace_id (not ours, or already replaced). */
export async function settleCheck(traceId: string, state: Exclude<MediaCheckState, 'pending'>, label: string | null, now: Date): Promise<boolean> {
  const { updated } = (await database().collection(COLLECTION).where({ traceId }).update({ state, label, checkedAt: now })) as { updated?: number };
  return (updated ?? 0) > 0;
}

/** The states of the given photos, in one indexed read (the views show at most a few dozen photos at a time). */
export async function checkStatesOf(fileIds: string[]): Promise<Map<string, MediaCheckState>> {
  if (fileIds.length === 0) return new Map();
  const db = database();
  const { data } = await db.collection(COLLECTION).where({ fileId: db.command.in(fileIds) }).field({ fileId: true, state: true }).limit(1000).get();
  return new Map((data as Pick<MediaCheckRecord, 'fileId' | 'state'>[]).map((r) => [r.fileId, r.state]));
}
