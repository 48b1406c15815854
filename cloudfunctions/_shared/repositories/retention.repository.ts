import { retentionCutoff } from '../../../src/domain/retention';
import { WITHDRAWN_CLAIM_BLOCK } from '../../../src/domain/wish-rules';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import { database } from '../sdk';

/**
 * What the retention timer removes or cuts back once it has passed its period (src/domain/retention.ts). Each
 * step is one indexed query, bounded per run; what is left over is taken by the next run.
 */
const BATCH = 200;
/** A withdrawal's claim block only has to outlive a claim in flight (a function runs at most seconds). */
const CLAIM_BLOCK_MS = 86_400_000;

export interface PurgeCounts {
  locations: number;
  droppedWishes: number;
  exports: number;
  requestLogs: number;
  postCounters: number;
  claimBlocks: number;
}

const updatedOf = (r: unknown) => (r as { updated?: number }).updated ?? 0;
const deletedOf = (r: unknown) => (r as { deleted?: number }).deleted ?? 0;

export async function purgeExpired(now: Date, deleteFiles: (ids: string[]) => Promise<void>): Promise<PurgeCounts> {
  const db = database();
  const _ = db.command;
  const location = retentionCutoff('location', now)!;
  // Coordinates go; distance and accuracy stay (they are what the fence decision rested on).
  const locations =
    updatedOf(await db.collection('checkins').where({ reportedAt: _.lt(location), point: _.neq(null) }).update({ point: null })) +
    updatedOf(await db.collection('checkin_history').where({ reportedAt: _.lt(location), point: _.neq(null) }).update({ point: null })) +
    updatedOf(await db.collection('attendances').where({ 'checkIn.at': _.lt(location), 'checkIn.point': _.neq(null) }).update({ 'checkIn.point': null })) +
    updatedOf(await db.collection('attendances').where({ 'checkOut.at': _.lt(location), 'checkOut.point': _.neq(null) }).update({ 'checkOut.point': null }));

  // Rejected, withdrawn and revoked wishes: their story, photos and beneficiary go; the ledger's counts stay.
  const { data: dropped } = (await db
    .collection('wishes')
    .where({ status: _.in(['rejected', 'withdrawn', 'revoked']), createdAt: _.lt(retentionCutoff('wishDropped', now)!), purgedAt: _.exists(false) })
    .limit(BATCH)
    .get()) as { data: { _id: string; photos?: string[] }[] };
  await deleteFiles(dropped.flatMap((w) => w.photos ?? []));
  for (const w of dropped) {
    await db.collection('wishes').where({ _id: w._id, status: _.in(['rejected', 'withdrawn', 'revoked']) }).update({ photos: _.set([]), story: '', beneficiary: _.set({ name: '', phone: '' }), purgedAt: now });
  }

  const { data: exports } = (await db.collection('data_exports').where({ createdAt: _.lt(retentionCutoff('export', now)!) }).limit(BATCH).get()) as { data: { _id: string; fileIds?: string[] }[] };
  await deleteFiles(exports.flatMap((e) => e.fileIds ?? []));
  if (exports.length > 0) await db.collection('data_exports').where({ _id: _.in(exports.map((e) => e._id)) }).remove();

  const requestLogs = deletedOf(await db.collection('request_log').where({ createdAt: _.lt(retentionCutoff('requestLog', now)!) }).remove());
  const postCounters = deletedOf(await db.collection('post_counts').where({ day: _.lt(formatShanghaiDate(retentionCutoff('postCounter', now)!)) }).remove());
  const claimBlocks = deletedOf(
    await db.collection('wish_claimants').where({ open: _.gte(WITHDRAWN_CLAIM_BLOCK), withdrawnAt: _.lt(new Date(now.getTime() - CLAIM_BLOCK_MS)) }).remove(),
  );
  return { locations, droppedWishes: dropped.length, exports: exports.length, requestLogs, postCounters, claimBlocks };
}
