import type { ActivityType } from '../../../src/domain/activity-types';
import type { CheckinMode } from '../../../src/domain/activity.schema';
import { database } from '../sdk';

const COLLECTION = 'activities';

export interface ActivityRecord {
  _id: string;
  communityId: string;
  communityName: string;
  title: string;
  type: ActivityType;
  startAt: Date;
  endAt: Date;
  place: string;
  latitude: number;
  longitude: number;
  radius: number;
  /** Absent on activities published before the choice existed: `location` (checkinModeOf). */
  checkinMode?: CheckinMode;
  capacity: number;
  /** Kept by the sign-up transaction; never above capacity. */
  signedUp: number;
  contact: string;
  content: string;
  status: 'published';
  publishedBy: string;
  createdAt: Date;
}

/**
 * Check-in and check-out read the activity from a per-instance cache: its times, place and fence do not change
 * once published (signedUp does, and is never read from the cache).
 */
const TTL_MS = 60_000;
const cache = new Map<string, { at: number; activity: ActivityRecord }>();

export async function findActivity(id: string): Promise<ActivityRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  const activity = ((data as ActivityRecord[])[0] as ActivityRecord | undefined) ?? null;
  if (activity) cache.set(id, { at: Date.now(), activity });
  return activity;
}

export async function cachedActivity(id: string): Promise<ActivityRecord | null> {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.activity;
  return findActivity(id);
}

/** The id comes from the client's request id, so a retried publish finds the first one. */
export async function insertActivity(record: ActivityRecord): Promise<void> {
  await database().collection(COLLECTION).add(record);
}

export async function listActivitiesOfCommunity(communityId: string): Promise<ActivityRecord[]> {
  const { data } = await database().collection(COLLECTION).where({ communityId }).orderBy('startAt', 'desc').limit(100).get();
  return data as ActivityRecord[];
}
