import { maskName } from '../../../src/domain/masking';
import { canActForOrganisation, canSeeOrgWork } from '../../../src/domain/organisation.policy';
import { orgActions, type OrgMemberView, type OrgPageView, type OrgSummary } from '../../../src/domain/organisation.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunityOrg, listBranchMembers, listChildren, listLedOrGranted } from '../../_shared/repositories/organisation.repository';
import { toOrgSummary } from '../org-view';
import { existingOrg } from './load';

const maskedOrNull = (name: string | null) => (name ? maskName(name) : null);

/** An organisation's public page: the node (names of its people masked) and its children. Two reads. */
export const page = defineAction({
  schema: orgActions.page,
  access: 'public',
  load: existingOrg,
  async handler(_input, _ctx, org): Promise<OrgPageView> {
    const children = await listChildren(org._id);
    return {
      org: {
        ...toOrgSummary(org),
        parentName: org.parentName,
        communityId: org.communityId,
        unitId: org.unitId,
        secretaryName: maskedOrNull(org.secretaryName),
        contactName: maskedOrNull(org.contactName),
      },
      children: children.map(toOrgSummary),
    };
  },
});

/** The 社区党组织 of a community, for the links from 首页 and 我的社区 to its page. Public like the page; one read. */
export const ofCommunity = defineAction({
  schema: orgActions.ofCommunity,
  access: 'public',
  async handler(input): Promise<{ org: OrgSummary | null }> {
    const org = await findCommunityOrg(input.communityId);
    return { org: org ? toOrgSummary(org) : null };
  },
});

/** A branch's members, masked: anyone may see who belongs, nobody outside sees a full name. One read. */
export const members = defineAction({
  schema: orgActions.members,
  access: 'public',
  async handler(input): Promise<{ items: OrgMemberView[] }> {
    const items = await listBranchMembers(input.orgId);
    return { items: items.map((m) => ({ name: maskName(m.name), workUnitName: m.workUnitName })) };
  },
});

/** The same list with full names for the branch's secretary and the staff of its subtree. */
export const roster = defineAction({
  schema: orgActions.roster,
  access: 'user',
  load: existingOrg,
  authorize: canActForOrganisation,
  async handler(_input, _ctx, org): Promise<{ items: OrgMemberView[] }> {
    const items = await listBranchMembers(org._id);
    return { items: items.map((m) => ({ name: m.name, workUnitName: m.workUnitName })) };
  },
});

/** Where a secretary or 党组织工作人员 starts: the nodes they lead or are granted (the caller's own read, then one query). */
export const mine = defineAction({
  schema: orgActions.mine,
  access: 'user',
  // The caller's nodes (secretary, 联系人, granted) in one query after the caller's read: with the grants, whether
  // they lead one decides who has 党组织工作.
  load: async (_input, ctx) => {
    const actor = await ctx.actor();
    const granted = actor.grants.filter((g) => g.role === 'org_staff' && g.scopeType === 'organisation').map((g) => g.scopeId);
    const nodes = await listLedOrGranted(ctx.openid, granted);
    return { nodes, leadsANode: nodes.some((n) => n.secretaryOpenid === ctx.openid || n.contactOpenid === ctx.openid) };
  },
  authorize: canSeeOrgWork,
  async handler(_input, _ctx, { nodes }): Promise<{ items: OrgSummary[] }> {
    return { items: nodes.map(toOrgSummary) };
  },
});
