import { database } from '../sdk';
import { findCommunity, type CommunityRecord } from './community.repository';

/**
 * Communities as the fence sees them. A check-in reads its community from a per-instance cache: the point and the
 * radius change a few times a year, and the cache keeps a check-in within its budget of two database round trips.
 * A changed fence reaches every instance within the TTL.
 */
const TTL_MS = 30_000;
const cache = new Map<string, { at: number; community: CommunityRecord }>();

export async function cachedCommunity(id: string): Promise<CommunityRecord | null> {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.community;
  const community = await findCommunity(id);
  // Unknown ids are not cached: a community created a moment ago must work at once.
  if (community) cache.set(id, { at: Date.now(), community });
  else cache.delete(id);
  return community;
}

export async function updateCommunityFence(id: string, fence: { latitude: number; longitude: number; radius: number }): Promise<CommunityRecord | null> {
  const db = database();
  await db.collection('communities').doc(id).update({ ...fence, fenceUpdatedAt: db.serverDate() });
  cache.delete(id);
  return findCommunity(id);
}
