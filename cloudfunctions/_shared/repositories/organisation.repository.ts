import type { OrgNode } from '../../../src/domain/organisation';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * Party organisations (`organisations`) and what happened to them (`organisation_history`). Each node carries its
 * `ancestors` path (root first), so a subtree is one indexed equality query on an array field.
 */
const ORGS = 'organisations';
const HISTORY = 'organisation_history';
const USERS = 'users';

export interface OrgRecord extends OrgNode {
  parentId: string | null;
  /** Kept with the node so its page needs no read of the parent (a rename updates the children's copy). */
  parentName: string | null;
  secretaryOpenid: string | null;
  secretaryName: string | null;
  contactOpenid: string | null;
  contactName: string | null;
  communityId: string | null;
  unitId: string | null;
  mergedInto: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrgHistoryRecord {
  orgId: string;
  action: 'add' | 'rename' | 'move' | 'merge' | 'setPeople' | 'remove';
  byOpenid: string;
  at: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Lists of the tree are one level at a time; a level never has more than this many nodes. */
export const LEVEL_LIMIT = 200;

export async function findOrg(id: string): Promise<OrgRecord | null> {
  const { data } = await database().collection(ORGS).doc(id).get();
  return ((data as OrgRecord[])[0] as OrgRecord | undefined) ?? null;
}

export async function findOrgs(ids: string[]): Promise<OrgRecord[]> {
  if (ids.length === 0) return [];
  const db = database();
  const { data } = await db.collection(ORGS).where({ _id: db.command.in(ids) }).limit(ids.length).get();
  const byId = new Map((data as OrgRecord[]).map((o) => [o._id, o]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Whether the person is the secretary or 联系人 of any active node (who has 党组织工作 besides granted staff). */
export async function leadsAnyNode(openid: string): Promise<boolean> {
  const db = database();
  const _ = db.command;
  const { data } = await db
    .collection(ORGS)
    .where(_.or([{ secretaryOpenid: openid, status: 'active' }, { contactOpenid: openid, status: 'active' }]))
    .field({ _id: true })
    .limit(1)
    .get();
  return data.length > 0;
}

/** The active 社区党组织 of a community (one per community; the oldest if the tree has two). */
export async function findCommunityOrg(communityId: string): Promise<OrgRecord | null> {
  const { data } = await database().collection(ORGS).where({ communityId, type: 'community_org', status: 'active' }).orderBy('createdAt', 'asc').limit(1).get();
  return ((data as OrgRecord[])[0] as OrgRecord | undefined) ?? null;
}

export async function listChildren(parentId: string | null): Promise<OrgRecord[]> {
  const { data } = await database().collection(ORGS).where({ parentId, status: 'active' }).orderBy('name', 'asc').limit(LEVEL_LIMIT).get();
  return data as OrgRecord[];
}

/**
 * The active nodes a person leads as secretary or 联系人 or is granted (`ids`), in one query (a person holds a
 * handful at most).
 */
export async function listLedOrGranted(openid: string, ids: string[]): Promise<OrgRecord[]> {
  const db = database();
  const _ = db.command;
  const led = [{ secretaryOpenid: openid, status: 'active' }, { contactOpenid: openid, status: 'active' }];
  const { data } = await db
    .collection(ORGS)
    .where(_.or(ids.length ? [...led, { _id: _.in(ids), status: 'active' }] : led))
    .orderBy('name', 'asc')
    .limit(LEVEL_LIMIT)
    .get();
  return data as OrgRecord[];
}

/** Everything under a node (not the node): for a move, whose paths change with it. */
export async function listDescendants(id: string): Promise<OrgRecord[]> {
  const { data } = await database().collection(ORGS).where({ ancestors: id }).limit(1000).get();
  return data as OrgRecord[];
}

/** Every active 党支部, page by page: the migration reads them all once (an admin task, not a list on a screen). */
export async function listAllBranches(): Promise<OrgRecord[]> {
  const out: OrgRecord[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection(ORGS).where({ type: 'branch', status: 'active' }).orderBy('_id', 'asc').skip(offset).limit(1000).get();
    out.push(...(data as OrgRecord[]));
    if (data.length < 1000) return out;
  }
}

/** Insert with a deterministic id; false when it exists already (a retried add). */
export async function insertOrg(org: OrgRecord): Promise<boolean> {
  try {
    await database().collection(ORGS).add(org);
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

/** A conditional change: only while the node is still active and (when given) under the same parent. */
export async function updateOrgIf(id: string, expect: Record<string, unknown>, changes: Record<string, unknown>): Promise<boolean> {
  const { updated } = (await database().collection(ORGS).where({ _id: id, ...expect }).update({ ...changes, updatedAt: new Date() })) as { updated?: number };
  return updated === 1;
}

export async function renameParentCopies(parentId: string, parentName: string): Promise<void> {
  await database().collection(ORGS).where({ parentId }).update({ parentName });
}

export async function removeOrg(id: string): Promise<void> {
  await database().collection(ORGS).doc(id).remove();
}

export async function addHistory(entry: OrgHistoryRecord): Promise<void> {
  await database().collection(HISTORY).add(entry);
}

export async function listHistory(orgId: string): Promise<OrgHistoryRecord[]> {
  const { data } = await database().collection(HISTORY).where({ orgId }).orderBy('at', 'desc').limit(100).get();
  return data as OrgHistoryRecord[];
}

export async function countChildren(id: string): Promise<number> {
  const { total } = (await database().collection(ORGS).where({ parentId: id, status: 'active' }).count()) as { total: number };
  return total;
}

export async function countMembers(branchId: string): Promise<number> {
  const { total } = (await database().collection(USERS).where({ 'member.branchId': branchId }).count()) as { total: number };
  return total;
}

/** Members of a branch for its page (bounded: a branch page shows at most 100). */
export async function listBranchMembers(branchId: string, limit = 100): Promise<{ openid: string; name: string; workUnitName: string }[]> {
  const { data } = await database().collection(USERS).where({ 'member.branchId': branchId }).limit(limit).get();
  return (data as { openid: string; member: { name: string; workUnitName: string } }[]).map((u) => ({ openid: u.openid, name: u.member.name, workUnitName: u.member.workUnitName }));
}

/** A merge: every member of the source now belongs to the target (one multi-document update). */
export async function moveMembers(fromBranchId: string, to: { _id: string; name: string }): Promise<number> {
  const { updated } = (await database()
    .collection(USERS)
    .where({ 'member.branchId': fromBranchId })
    .update({ 'member.branchId': to._id, 'member.partyBranch': to.name })) as { updated?: number };
  return updated ?? 0;
}

/** Registered members whose free-text branch is not linked to a node yet (the migration's input). */
export async function listUnlinkedMembers(limit = 1000): Promise<{ openid: string; partyBranch: string }[]> {
  const db = database();
  const { data } = await db.collection(USERS).where({ 'member.name': db.command.exists(true), 'member.branchId': db.command.exists(false) }).limit(limit).get();
  return (data as { openid: string; member: { partyBranch: string } }[]).map((u) => ({ openid: u.openid, partyBranch: u.member.partyBranch }));
}

export async function linkMembers(partyBranch: string, branch: { _id: string; name: string }): Promise<number> {
  const db = database();
  const { updated } = (await db
    .collection(USERS)
    .where({ 'member.partyBranch': partyBranch, 'member.branchId': db.command.exists(false) })
    .update({ 'member.branchId': branch._id, 'member.partyBranch': branch.name })) as { updated?: number };
  return updated ?? 0;
}
