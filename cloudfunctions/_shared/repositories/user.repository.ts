import type { MemberProfileInput } from '../../../src/domain/user.schema';
import type { RoleGrant } from '../../../src/domain/roles';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/** One document per person, `_id` = OPENID, so the caller (profile, community, grants) is one read. */
const COLLECTION = 'users';

export interface MemberProfileRecord extends MemberProfileInput {
  workUnitName: string;
  /** The 党支部 node chosen from the tree (docs/domain.md: Party organisations); absent on profiles not yet migrated. */
  branchId?: string;
  registeredAt: Date;
  updatedAt: Date;
}

export interface UserRecord {
  _id: string;
  openid: string;
  communityId: string | null;
  member: MemberProfileRecord | null;
  grants: RoleGrant[];
  createdAt: Date;
}

export async function findUser(openid: string): Promise<UserRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(openid).get();
  return ((data as UserRecord[])[0] as UserRecord | undefined) ?? null;
}

/** Partial update that creates the person's document on first write. */
async function upsertUser(openid: string, fields: Partial<Omit<UserRecord, '_id' | 'openid' | 'createdAt'>>): Promise<void> {
  const db = database();
  const users = db.collection(COLLECTION);
  // Whole-value replacement: the SDK would otherwise flatten nested objects into a field-by-field merge.
  const replacements = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, db.command.set(value)]));
  const { updated } = (await users.doc(openid).update(replacements)) as { updated?: number };
  if (updated) return;
  try {
    await users.add({ _id: openid, openid, communityId: null, member: null, grants: [], createdAt: db.serverDate(), ...fields });
  } catch (error) {
    // Exists already: the update above changed nothing because the values were already those.
    if (!isDuplicateWrite(error)) throw error;
    await users.doc(openid).update(replacements);
  }
}

export const saveMemberProfile = (openid: string, member: MemberProfileRecord) => upsertUser(openid, { member });

export const setUserCommunity = (openid: string, communityId: string) => upsertUser(openid, { communityId });

export async function addGrant(openid: string, grant: RoleGrant): Promise<void> {
  const user = await findUser(openid);
  const others = (user?.grants ?? []).filter((g) => !(g.role === grant.role && g.scopeType === grant.scopeType && g.scopeId === grant.scopeId));
  await upsertUser(openid, { grants: [...others, grant] });
}

/** People by openid, in the order asked (one read). */
export async function findUsers(openids: string[]): Promise<UserRecord[]> {
  if (openids.length === 0) return [];
  const db = database();
  const { data } = await db.collection(COLLECTION).where({ _id: db.command.in(openids) }).limit(openids.length).get();
  const byId = new Map((data as UserRecord[]).map((u) => [u._id, u]));
  return openids.flatMap((id) => byId.get(id) ?? []);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Registered people whose name contains `query`, or whose phone ends with it when it is 4 digits (at most 20). */
export async function searchPeople(query: string): Promise<UserRecord[]> {
  const db = database();
  const where = /^\d{4}$/.test(query)
    ? { 'member.phone': db.RegExp({ regexp: `${query}$`, options: '' }) }
    : { 'member.name': db.RegExp({ regexp: escapeRegExp(query), options: '' }) };
  const { data } = await db.collection(COLLECTION).where(where).limit(20).get();
  return data as UserRecord[];
}
