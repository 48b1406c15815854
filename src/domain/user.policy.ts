import { canManageCommunity, managesCommunity, rule, type Verdict } from './policy';
import { hasGrant, isAdmin, ROLE_SCOPE_TYPES, type Actor, type GrantableRole, type RoleGrant, type ScopeType } from './roles';
import type { MeView } from './user.schema';

/** Who may do what with people, communities and units (docs/authorization.md, area `user`). */

export const canCreateCommunity = (actor: Actor): Verdict => rule(isAdmin(actor), '只有系统管理员可以创建社区');

export const canCreateUnit = (actor: Actor): Verdict => rule(isAdmin(actor), '只有系统管理员可以创建单位');

export const canGrantRole = (actor: Actor, grant: { role: GrantableRole; scopeType: ScopeType }): Verdict =>
  rule(isAdmin(actor) && ROLE_SCOPE_TYPES[grant.role].includes(grant.scopeType), '只有系统管理员可以授予角色，且角色须与范围类型匹配');

/** Finding people to grant roles to is admin work (the result is masked all the same). */
export const canSearchPeople = (actor: Actor): Verdict => rule(isAdmin(actor), '只有系统管理员可以查找用户');

/** The holiday calendar is the admin's to keep; entering a year's table changes every 问政 deadline. */
export const canEnterHolidayTable = (actor: Actor): Verdict => rule(isAdmin(actor), '只有系统管理员可以录入节假日安排');

/** The daily posting limits: the admin's alone (they bound what every resident may post). */
export const canManagePostLimits = (actor: Actor): Verdict => rule(isAdmin(actor), '只有系统管理员可以查看和修改发布上限');

/** Staff whose workbench warns about a missing table, and the admin who enters it. */
export const canSeeHolidayCalendar = (actor: Actor): Verdict =>
  rule(isAdmin(actor) || hasGrant(actor, 'community_staff') || hasGrant(actor, 'league_staff'), '只有工作人员可以查看节假日安排');

/** The workbench's counts: any staff; a community's own queues only for those who manage that community. */
export const canSeeWorkbench = (actor: Actor, input: { communityId?: string }): Verdict =>
  input.communityId
    ? canManageCommunity(actor, { communityId: input.communityId }, '只有本社区工作人员可以查看该社区的待办')
    : rule(isAdmin(actor) || hasGrant(actor, 'community_staff') || hasGrant(actor, 'league_staff'), '只有工作人员可以使用工作台');

/** A community's member roll is staff work of that community. */
export const canListCommunityMembers = (actor: Actor, target: { communityId: string }): Verdict =>
  canManageCommunity(actor, target, '只有本社区工作人员可以查看社区党员名单');

/** A member's phone is visible to themselves and to staff of the community they live in. */
export function canSeeMemberPhone(actor: Actor, member: { openid: string; communityId: string | null }): boolean {
  if (actor.openid === member.openid) return true;
  return member.communityId !== null && managesCommunity(actor, member.communityId);
}

/** The signed-in person as the policies see them, from `user.me`: the client asks the same functions as the server. */
export const actorOfMe = (me: MeView): Actor => ({
  openid: me.openid,
  isMember: me.profile !== null,
  communityId: me.community?.id ?? null,
  grants: me.grants as RoleGrant[],
});
