import { ALLOW, allOf, managesCommunity, rule, type Verdict } from './policy';
import { hasGrant, isAdmin, type Actor } from './roles';

/**
 * Who may see which 统计表, 台账 and dashboard (docs/authorization.md §ledger). A table shows one scope only; no
 * total ever includes a row the caller may not see, because the scope is chosen by these rules before anything is read.
 */

/** Street staff: community or league staff granted a whole 街道. */
export const isStreetStaff = (actor: Actor, streetId?: string) =>
  hasGrant(actor, 'community_staff', 'street', streetId) || hasGrant(actor, 'league_staff', 'street', streetId);

export const NOT_UNIT_ADMIN = '只有本单位党组织管理员可以查看本单位的统计表';
export const NOT_COMMUNITY_VIEWER = '只有本社区、所属街道的工作人员可以查看本社区的统计表';

/** A unit's table: its own unit admin, or the district (admin). */
export const canViewUnitTable = (actor: Actor, unitId: string): Verdict =>
  rule(isAdmin(actor) || hasGrant(actor, 'unit_admin', 'unit', unitId), NOT_UNIT_ADMIN);

/** A community's table: its staff, the staff of its street, or the district. */
export const canViewCommunityTable = (actor: Actor, community: { communityId: string; streetId: string }): Verdict =>
  rule(
    isAdmin(actor) || hasGrant(actor, 'community_staff', 'community', community.communityId) || isStreetStaff(actor, community.streetId),
    NOT_COMMUNITY_VIEWER,
  );

/** 报送 is the unit's own act: only its unit admin (an admin does not submit on a unit's behalf). */
export const canSubmitQuarterly = (actor: Actor, input: { unitId: string }): Verdict =>
  rule(hasGrant(actor, 'unit_admin', 'unit', input.unitId), '只有本单位党组织管理员可以报送本单位的统计表');

/** The level above: which units have submitted (names and dates only, no figures). */
export const canViewSubmissions = (actor: Actor): Verdict => rule(isAdmin(actor) || isStreetStaff(actor), '只有街道工作人员或系统管理员可以查看报送情况');

/** The dashboard: a street's staff for their street, the district (admin) for any street or all. */
export const canViewDashboard = (actor: Actor, input: { streetId?: string }): Verdict =>
  allOf(
    rule(isAdmin(actor) || isStreetStaff(actor), '只有街道工作人员或系统管理员可以查看统计看板'),
    rule(isAdmin(actor) || (input.streetId !== undefined && isStreetStaff(actor, input.streetId)), '只能查看本街道的统计看板'),
  );

/** 一单一表 and the unit's 台账: its own unit admin, or the district (admin). */
export const canReadUnitLedger = (actor: Actor, input: { unitId: string }): Verdict =>
  rule(isAdmin(actor) || hasGrant(actor, 'unit_admin', 'unit', input.unitId), '只有本单位党组织管理员可以查看本单位的台账');

/** A community's 台账: its own staff, or the district (admin). */
export const canReadCommunityLedger = (actor: Actor, input: { communityId: string }): Verdict =>
  rule(managesCommunity(actor, input.communityId), '只有本社区的工作人员可以查看本社区的台账');

/** Reading a named table (`ledgerTable`) or exporting it: the unit's tables to its admin, the community's to its staff. */
export const canExportTable = (actor: Actor, input: { table: string; unitId?: string; communityId?: string }): Verdict =>
  input.table === 'unitMembers' || input.table === 'unitActivities' ? canReadUnitLedger(actor, { unitId: input.unitId ?? '' }) : canReadCommunityLedger(actor, { communityId: input.communityId ?? '' });

/** The opinion form (评先评优听取社区意见): staff of the community. */
export const canReadOpinionForm = (actor: Actor, input: { communityId: string }): Verdict =>
  rule(managesCommunity(actor, input.communityId), '只有本社区的工作人员可以提出社区意见');

/** Staff of the community give the opinion; nobody about themselves (a staff member who also reported in there). */
export const canGiveOpinion = (actor: Actor, input: { communityId: string; memberOpenid: string }): Verdict =>
  allOf(
    rule(managesCommunity(actor, input.communityId), '只有本社区的工作人员可以提出社区意见'),
    rule(actor.openid !== input.memberOpenid, '不能对自己提出社区意见'),
  );

/** Only the member the opinion is about answers it, and only once. */
export const canAppealOpinion = (actor: Actor, _input: unknown, opinion: { openid: string; appeal: unknown }): Verdict =>
  allOf(
    rule(opinion.openid === actor.openid, '只能对关于自己的社区意见提出申辩'),
    opinion.appeal ? { ok: false, message: '已经提出过申辩，每条意见只能申辩一次', code: 'CONFLICT' } : ALLOW,
  );
