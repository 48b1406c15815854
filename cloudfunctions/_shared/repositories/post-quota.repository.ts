import { AppError, ErrorCode } from '../../../src/domain/errors';
import { DEFAULT_DAILY_POST_LIMITS, postLimitMessage, type PostKind } from '../../../src/domain/post-limits';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/** One counter per person, kind and Shanghai day (`<kind>:<openid>:<day>`); old days are never read again. */
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

/**
 * Takes one of today's posts of `kind` for `openid`, or refuses with RATE_LIMITED. One conditional increment (a
 * person's first post of the day creates the counter instead), so concurrent posts cannot pass the limit.
 */
export async function takePostQuota(kind: PostKind, openid: string, now: Date): Promise<void> {
  const limit = (await postLimits(now))[kind];
  const db = database();
  const day = formatShanghaiDate(now);
  const id = `${kind}:${openid}:${day}`;
  const increment = async () =>
    ((await db.collection(COUNTERS).where({ _id: id, n: db.command.lt(limit) }).update({ n: db.command.inc(1) })) as { updated: number }).updated === 1;
  if (await increment()) return;
  try {
    await db.collection(COUNTERS).add({ _id: id, kind, openid, day, n: 1 });
    return;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
  }
  // A concurrent first post created the counter between our two writes: count this one against it.
  if (await increment()) return;
  throw new AppError(ErrorCode.RATE_LIMITED, postLimitMessage(kind, limit));
}
