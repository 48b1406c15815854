import { createHash } from 'node:crypto';
import { conflict, failedPrecondition, invalidArgument, notFound } from '../../../src/domain/errors';
import { deleteRefusal, matchBranchNames, mergeRefusal, moveRefusal, parentRefusal, pathUnder, rebasedAncestors } from '../../../src/domain/organisation';
import { canManageTree } from '../../../src/domain/organisation.policy';
import { orgActions, type MigrationReport, type OrgHistoryView, type OrgSummary } from '../../../src/domain/organisation.schema';
import { defineAction, type ActionContext } from '../../_shared/define-function';
import {
  addHistory,
  countChildren,
  countMembers,
  findOrg,
  insertOrg,
  linkMembers,
  listAllBranches,
  listChildren,
  listDescendants,
  listHistory,
  listUnlinkedMembers,
  moveMembers,
  removeOrg,
  renameParentCopies,
  updateOrgIf,
  type OrgHistoryRecord,
  type OrgRecord,
} from '../../_shared/repositories/organisation.repository';
import { countForBranch, movePledges, repathPledges } from '../../_shared/repositories/pledge.repository';
import { findUsers } from '../../_shared/repositories/user.repository';
import { toOrgSummary } from '../org-view';
import { existingOrg } from './load';

const record = (ctx: ActionContext, orgId: string, action: OrgHistoryRecord['action'], before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
  addHistory({ orgId, action, byOpenid: ctx.openid, at: ctx.now(), before, after });

async function parentOf(parentId: string | null): Promise<OrgRecord | null> {
  if (parentId === null) return null;
  const parent = await findOrg(parentId);
  if (!parent) throw invalidArgument([{ field: 'parentId', message: '上级组织不存在，请重新选择' }]);
  return parent;
}

/** The secretary and 联系人 must be registered members; their names are kept with the node for its page. */
async function peopleOf(secretaryOpenid: string | null, contactOpenid: string | null) {
  const people = await findUsers([secretaryOpenid, contactOpenid].filter((v): v is string => Boolean(v)));
  const nameOf = (openid: string | null, field: string, label: string) => {
    if (!openid) return null;
    const name = people.find((p) => p.openid === openid)?.member?.name;
    if (!name) throw invalidArgument([{ field, message: `${label}须是已登记的在职党员` }]);
    return name;
  };
  return {
    secretaryOpenid,
    secretaryName: nameOf(secretaryOpenid, 'secretaryOpenid', '书记'),
    contactOpenid,
    contactName: nameOf(contactOpenid, 'contactOpenid', '联系人'),
  };
}

/** One level of the tree (public: members choose their branch from it when registering). */
export const children = defineAction({
  schema: orgActions.children,
  access: 'public',
  async handler(input): Promise<{ items: OrgSummary[] }> {
    return { items: (await listChildren(input.parentId)).map(toOrgSummary) };
  },
});

export const add = defineAction({
  schema: orgActions.add,
  access: 'user',
  authorize: canManageTree,
  async handler(input, ctx): Promise<OrgSummary> {
    const parent = await parentOf(input.parentId);
    const refusal = parentRefusal(input.type, parent);
    if (refusal) throw invalidArgument([{ field: 'parentId', message: refusal }]);
    const id = `o-${createHash('sha256').update(`${ctx.openid}.${input.requestId}`).digest('hex').slice(0, 16)}`;
    const at = ctx.now();
    const org: OrgRecord = {
      _id: id,
      type: input.type,
      name: input.name,
      parentId: parent?._id ?? null,
      parentName: parent?.name ?? null,
      ancestors: pathUnder(parent),
      status: 'active',
      mergedInto: null,
      ...(await peopleOf(input.secretaryOpenid ?? null, input.contactOpenid ?? null)),
      communityId: input.communityId ?? parent?.communityId ?? null,
      unitId: input.unitId ?? parent?.unitId ?? null,
      createdAt: at,
      updatedAt: at,
    };
    if (await insertOrg(org)) {
      await record(ctx, id, 'add', null, { name: org.name, type: org.type, parentId: org.parentId });
      return toOrgSummary(org);
    }
    const existing = await findOrg(id);
    if (!existing) throw notFound('组织不存在');
    return toOrgSummary(existing);
  },
});

export const rename = defineAction({
  schema: orgActions.rename,
  access: 'user',
  load: existingOrg,
  authorize: canManageTree,
  async handler(input, ctx, org): Promise<OrgSummary> {
    if (org.name === input.name) return toOrgSummary(org);
    if (!(await updateOrgIf(org._id, { status: 'active', name: org.name }, { name: input.name }))) throw conflict('组织已被他人修改，请刷新后重试');
    await renameParentCopies(org._id, input.name);
    await record(ctx, org._id, 'rename', { name: org.name }, { name: input.name });
    return toOrgSummary({ ...org, name: input.name });
  },
});

export const setPeople = defineAction({
  schema: orgActions.setPeople,
  access: 'user',
  load: existingOrg,
  authorize: canManageTree,
  async handler(input, ctx, org): Promise<OrgSummary> {
    const after = await peopleOf(input.secretaryOpenid ?? null, input.contactOpenid ?? null);
    if (!(await updateOrgIf(org._id, { status: 'active' }, after))) throw failedPrecondition('该组织已被合并，不能修改');
    await record(ctx, org._id, 'setPeople', { secretaryOpenid: org.secretaryOpenid, contactOpenid: org.contactOpenid }, { secretaryOpenid: after.secretaryOpenid, contactOpenid: after.contactOpenid });
    return toOrgSummary(org);
  },
});

/** A node moves with its whole subtree; a move under itself or below itself is refused (no cycles). */
export const move = defineAction({
  schema: orgActions.move,
  access: 'user',
  load: existingOrg,
  authorize: canManageTree,
  async handler(input, ctx, org): Promise<OrgSummary> {
    const parent = await parentOf(input.parentId);
    const refusal = moveRefusal(org, parent);
    if (refusal) throw invalidArgument([{ field: 'parentId', message: refusal }]);
    const ancestors = pathUnder(parent);
    if (!(await updateOrgIf(org._id, { status: 'active', parentId: org.parentId }, { parentId: parent?._id ?? null, parentName: parent?.name ?? null, ancestors }))) {
      throw conflict('组织已被他人修改，请刷新后重试');
    }
    const descendants = await listDescendants(org._id);
    const newPath = (o: OrgRecord) => rebasedAncestors(o.ancestors, org._id, ancestors);
    await Promise.all(descendants.map((d) => updateOrgIf(d._id, {}, { ancestors: newPath(d) })));
    const branches = [{ ...org, ancestors }, ...descendants.map((d) => ({ ...d, ancestors: newPath(d) }))].filter((o) => o.type === 'branch');
    await Promise.all(branches.map((b) => repathPledges(b._id, [...b.ancestors, b._id])));
    await record(ctx, org._id, 'move', { parentId: org.parentId }, { parentId: parent?._id ?? null });
    return toOrgSummary({ ...org, parentId: parent?._id ?? null });
  },
});

/** Members and pledges move to the target; the source stays, marked merged, so its history still reads. */
export const merge = defineAction({
  schema: orgActions.merge,
  access: 'user',
  load: existingOrg,
  authorize: canManageTree,
  async handler(input, ctx, source): Promise<{ movedMembers: number; movedPledges: number }> {
    const [target, childCount] = await Promise.all([findOrg(input.targetId), countChildren(source._id)]);
    if (!target) throw invalidArgument([{ field: 'targetId', message: '合并到的组织不存在，请重新选择' }]);
    const refusal = mergeRefusal(source, target, childCount > 0);
    if (refusal) throw invalidArgument([{ field: 'targetId', message: refusal }]);
    // Mark first: from now on nothing new can join the source, so the moves below catch everything.
    if (!(await updateOrgIf(source._id, { status: 'active' }, { status: 'merged', mergedInto: target._id }))) throw conflict('该组织已被合并');
    const [movedMembers, movedPledges] = await Promise.all([
      moveMembers(source._id, target),
      movePledges(source._id, { _id: target._id, name: target.name, orgPath: [...target.ancestors, target._id] }),
    ]);
    await record(ctx, source._id, 'merge', { status: 'active' }, { status: 'merged', mergedInto: target._id, movedMembers, movedPledges });
    return { movedMembers, movedPledges };
  },
});

/** Only an empty node may go; anything with members, pledges or projects is merged instead. */
export const remove = defineAction({
  schema: orgActions.remove,
  access: 'user',
  load: existingOrg,
  authorize: canManageTree,
  async handler(_input, ctx, org): Promise<{ removed: true }> {
    // Projects (项目化) hang off organisations in a later area; until then there are none to count.
    const [children, members, pledges] = await Promise.all([countChildren(org._id), countMembers(org._id), countForBranch(org._id)]);
    const refusal = deleteRefusal({ children, members, pledges, projects: 0 });
    if (refusal) throw failedPrecondition(refusal);
    await record(ctx, org._id, 'remove', { name: org.name, type: org.type, parentId: org.parentId }, null);
    await removeOrg(org._id);
    return { removed: true };
  },
});

export const history = defineAction({
  schema: orgActions.history,
  access: 'user',
  authorize: canManageTree,
  async handler(input): Promise<{ items: OrgHistoryView[] }> {
    const entries = await listHistory(input.orgId);
    const people = await findUsers([...new Set(entries.map((e) => e.byOpenid))]);
    const nameOf = (openid: string) => people.find((p) => p.openid === openid)?.member?.name ?? '管理员';
    return { items: entries.map((e) => ({ at: new Date(e.at).toISOString(), action: e.action, byName: nameOf(e.byOpenid), before: e.before, after: e.after })) };
  },
});

/** Links the free-text 党支部 of registered members to branches by name (scripts/migrate-branches.ts calls the same). */
export async function migrateFreeTextBranches(dryRun: boolean): Promise<MigrationReport> {
  const [branches, members] = await Promise.all([listAllBranches(), listUnlinkedMembers()]);
  const { matched, unmatched } = matchBranchNames(
    members.map((m) => m.partyBranch),
    branches,
  );
  let linked = 0;
  if (!dryRun) {
    for (const [name, branchId] of Object.entries(matched)) {
      const branch = branches.find((b) => b._id === branchId) as OrgRecord;
      linked += await linkMembers(name, branch);
    }
  }
  return {
    matched: dryRun ? members.filter((m) => m.partyBranch in matched).length : linked,
    unmatched: unmatched.map((name) => ({ name, members: members.filter((m) => m.partyBranch === name).length })),
  };
}

export const migrateBranches = defineAction({
  schema: orgActions.migrateBranches,
  access: 'user',
  authorize: canManageTree,
  handler: (input): Promise<MigrationReport> => migrateFreeTextBranches(input.dryRun),
});
