import type { CommunityView } from '../../../src/domain/user.schema';
import { database } from '../sdk';

const COLLECTION = 'communities';

export interface CommunityRecord extends Omit<CommunityView, 'id' | 'distance'> {
  _id: string;
  createdAt: Date;
}

export const toCommunityView = (c: CommunityRecord): CommunityView => ({
  id: c._id,
  name: c.name,
  district: c.district,
  street: c.street,
  streetId: c.streetId,
  address: c.address,
  latitude: c.latitude,
  longitude: c.longitude,
  radius: c.radius,
});

export async function findCommunity(id: string): Promise<CommunityRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return ((data as CommunityRecord[])[0] as CommunityRecord | undefined) ?? null;
}

/** Communities are few (a district has dozens): one read, sorted by the caller. */
export async function listCommunities(): Promise<CommunityRecord[]> {
  const { data } = await database().collection(COLLECTION).limit(1000).get();
  return data as CommunityRecord[];
}

export async function insertCommunity(id: string, fields: Omit<CommunityRecord, '_id' | 'createdAt'>): Promise<CommunityRecord> {
  const db = database();
  await db.collection(COLLECTION).add({ _id: id, ...fields, createdAt: db.serverDate() });
  return (await findCommunity(id)) as CommunityRecord;
}

/** The communities of one 街道 (index `street`). */
export async function listCommunitiesOfStreet(streetId: string): Promise<CommunityRecord[]> {
  const { data } = await database().collection(COLLECTION).where({ streetId }).limit(1000).get();
  return data as CommunityRecord[];
}
