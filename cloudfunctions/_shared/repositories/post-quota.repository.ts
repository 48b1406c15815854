import { AppError, ErrorCode } from '../../../src/domain/errors';
import { DEFAULT_DAILY_POST_LIMITS, POST_KINDS, postLimitMessage, uploadLimitMessage, type PostKind } from '../../../src/domain/post-limits';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/** One counter document per person and Shanghai day (`<openid>:<day>`, a field per kind); old days are never read again. */
const COUNTERS = 'post_counts';
/** The admin's limits (`{ limits: { wish: 20, … } }`, kinds left out keep their default): read at most once a minute per instance. */
const SETTINGS = 'app_settings';
const POST_LIMITS_DOC = 'post-limits';
const SETTINGS_TTL_MS = 60_000;

let cached: { at: number; limits: Record<PostKind, number> } | null = null;

async function postLimits(now: Date): Promise<Record<PostKind, number>> {
  if (cached && now.getTime() - cached.at < SETTINGS_TTL_MS && now.getTime() >= cached.at) return cached.limits;
  const { data } = await database().collection(SETTINGS).doc(POST_LIMITS_DOC).get();
  const stored = (data as { limits?: Partial<Record<PostKind, number>> }[])[0]?.limits ?? {};
  cached = { at: now.getTime(), limits: { ...DEFAULT_DAILY_POST_LIMITS, ...stored } };
  return cached.limits;
}

/** The admin console's view: the limits in force, the defaults, and when an admin last changed them. */
export async function readPostLimits(): Promise<{ limits: Record<PostKind, number>; updatedAt: Date | null }> {
  const { data } = await database().collection(SETTINGS).doc(POST_LIMITS_DOC).get();
  const stored = (data as { limits?: Partial<Record<PostKind, number>>; updatedAt?: Date }[])[0];
  return { limits: { ...DEFAULT_DAILY_POST_LIMITS, ...(stored?.limits ?? {}) }, updatedAt: stored?.updatedAt ? new Date(stored.updatedAt) : null };
}

/** Replaces the whole table (one write); other instances pick it up within their settings TTL (a minute). */
export async function savePostLimits(limits: Record<PostKind, number>, by: string, at: Date): Promise<void> {
  await database().collection(SETTINGS).doc(POST_LIMITS_DOC).set({ limits, updatedBy: by, updatedAt: at });
  cached = null;
}

/**
 * Takes one of today's posts of `kind` for `openid`, and `photos` of today's photo uploads with it, or refuses with
 * RATE_LIMITED. One counter document per person and Shanghai day holds every kind, so the post and its photos are
 * one conditional increment (one round trip); a person's first post of the day creates the document instead, and
 * concurrent posts cannot pass either limit. Photos count when they are attached to a post: on weapp they go
 * straight to storage, and a photo that is never attached is shown to no one.
 */
export async function takePostQuota(kind: Exclude<PostKind, 'upload'>, openid: string, now: Date, photos = 0): Promise<void> {
  const limits = await postLimits(now);
  const db = database();
  const _ = db.command;
  const day = formatShanghaiDate(now);
  const id = `${openid}:${day}`;
  const where: Record<string, unknown> = { _id: id, [kind]: _.lt(limits[kind]) };
  if (photos > 0) where.upload = _.lte(limits.upload - photos);
  const change: Record<string, unknown> = { [kind]: _.inc(1), ...(photos > 0 ? { upload: _.inc(photos) } : {}) };
  const increment = async () => ((await db.collection(COUNTERS).where(where).update(change)) as { updated: number }).updated === 1;
  if (await increment()) return;
  if (photos <= limits.upload) {
    const zero = Object.fromEntries(POST_KINDS.map((k) => [k, 0]));
    try {
      await db.collection(COUNTERS).add({ _id: id, openid, day, ...zero, [kind]: 1, upload: photos });
      return;
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
    // A concurrent first post created the counter between our two writes: count this one against it.
    if (await increment()) return;
  }
  // Refused: one more read, off the accepted path, to say which limit it was.
  const { data } = await db.collection(COUNTERS).doc(id).get();
  const counts = ((data as Partial<Record<PostKind, number>>[])[0] ?? {}) as Partial<Record<PostKind, number>>;
  if ((counts[kind] ?? 0) >= limits[kind]) throw new AppError(ErrorCode.RATE_LIMITED, postLimitMessage(kind, limits[kind]));
  throw new AppError(ErrorCode.RATE_LIMITED, uploadLimitMessage(limits.upload, counts.upload ?? 0));
}
