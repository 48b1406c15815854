import { isWithin, type OrgNode } from './organisation';
import { rule, type Verdict } from './policy';
import { isAdmin, type Actor } from './roles';

/** A node as a permission sees it: its place in the tree and its people. */
export type OrgResource = Pick<OrgNode, '_id' | 'ancestors'> & { secretaryOpenid: string | null };

/** Admins, and 党组织工作人员 granted on the node or any node above it: a grant covers its whole subtree. */
export function managesOrganisation(actor: Actor, node: Pick<OrgNode, '_id' | 'ancestors'>): boolean {
  return isAdmin(actor) || actor.grants.some((g) => g.role === 'org_staff' && g.scopeType === 'organisation' && isWithin(node, g.scopeId));
}

/** Staff of the subtree or the node's own secretary: who reviews and rates its members' pledges and sees names. */
export const actsForOrganisation = (actor: Actor, node: OrgResource) => managesOrganisation(actor, node) || (node.secretaryOpenid !== null && node.secretaryOpenid === actor.openid);

export const NOT_ORG_STAFF = '只有该党组织的书记或工作人员可以进行此操作';

export const canActForOrganisation = (actor: Actor, _input: unknown, node: OrgResource): Verdict => rule(actsForOrganisation(actor, node), NOT_ORG_STAFF);

/** The tree itself (add, rename, move, merge, delete, migration) is the admin's. */
export const canManageTree = (actor: Actor): Verdict => rule(isAdmin(actor), '只有系统管理员可以管理组织架构');
