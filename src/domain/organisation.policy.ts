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

/**
 * Who has 党组织工作 (the entry on 我的 and the workbench, and `org.mine`): admins, anyone granted 党组织工作人员, and the
 * secretary or 联系人 of an active node (`leadsANode`, which only the database knows). A plain member sees their
 * branch's page instead. The server and the app both decide with this one function.
 */
export const hasOrgWork = (person: { grants: readonly { role: string }[] }, leadsANode: boolean): boolean =>
  leadsANode || person.grants.some((g) => g.role === 'admin' || g.role === 'org_staff');

export const canSeeOrgWork = (actor: Actor, _input: unknown, led: { leadsANode: boolean }): Verdict =>
  rule(hasOrgWork(actor, led.leadsANode), '只有党组织书记、联系人或党组织工作人员有党组织工作，您可在“我的”查看所在党支部');
