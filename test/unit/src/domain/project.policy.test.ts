import { canAcceptProject, canApplyForProject, canReviewProject, canStartProject, projectActionsFor, type ProjectOrg, type ProjectResource } from '../../../../src/domain/project.policy';
import type { Actor, RoleGrant } from '../../../../src/domain/roles';

const street: ProjectOrg = { _id: 'street', ancestors: [], secretaryOpenid: null, contactOpenid: null };
const community: ProjectOrg = { _id: 'community', ancestors: ['street'], secretaryOpenid: 'community-secretary', contactOpenid: null };
const branch: ProjectOrg = { _id: 'branch', ancestors: ['street', 'community'], secretaryOpenid: 'branch-secretary', contactOpenid: 'branch-contact' };
const orgStaff = (scopeId: string): RoleGrant => ({ role: 'org_staff', scopeType: 'organisation', scopeId, scopeName: scopeId });
const actor = (openid: string, grants: RoleGrant[] = []): Actor => ({ openid, isMember: true, communityId: null, grants });
const project = (status: ProjectResource['project']['status'], appliedBy = 'branch-secretary'): ProjectResource => ({ project: { appliedBy, status, type: 'pilot' }, org: branch, parent: community });

describe('project policy', () => {
  it('lets only the branch\'s own people apply, not staff above it', () => {
    expect(canApplyForProject(actor('branch-contact'), null, { ...branch, status: 'active' }).ok).toBe(true);
    expect(canApplyForProject(actor('x', [orgStaff('branch')]), null, { ...branch, status: 'active' }).ok).toBe(true);
    expect(canApplyForProject(actor('x', [orgStaff('street')]), null, { ...branch, status: 'active' })).toMatchObject({ ok: false, message: '只有申报组织的书记、联系人或本组织的党组织工作人员可以进行此操作' });
  });

  it('lets the level above approve: the parent\'s secretary and staff of the street, never someone of the branch', () => {
    expect(canReviewProject(actor('community-secretary'), { decision: 'approve' }, project('applied')).ok).toBe(true);
    expect(canReviewProject(actor('street-staff', [orgStaff('street')]), { decision: 'approve' }, project('applied')).ok).toBe(true);
    // The branch's 联系人 who is also street staff: their own project.
    expect(canReviewProject(actor('branch-contact', [orgStaff('street')]), { decision: 'approve' }, project('applied'))).toMatchObject({ ok: false, message: '不能审批、调度或验收本组织申报的项目，请由上级党组织的其他人员办理' });
    // Whoever applied, even after leaving the branch.
    expect(canAcceptProject(actor('former', [orgStaff('street')]), null, project('concluding', 'former')).ok).toBe(false);
    expect(canReviewProject(actor('branch-secretary'), { decision: 'approve' }, project('applied')).ok).toBe(false);
    expect(canReviewProject(actor('community-secretary'), { decision: 'approve' }, project('approved'))).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('gives a root\'s project to the admin only, and lists the buttons from the same rules', () => {
    const root: ProjectResource = { project: { appliedBy: 'street-secretary', status: 'applied', type: 'pilot' }, org: street, parent: null };
    expect(canReviewProject(actor('x', [orgStaff('street')]), { decision: 'approve' }, root).ok).toBe(false);
    expect(canReviewProject(actor('a', [{ role: 'admin', scopeType: 'global', scopeId: '*', scopeName: '全局' }]), { decision: 'approve' }, root).ok).toBe(true);
    expect(canStartProject(actor('branch-secretary'), null, project('approved')).ok).toBe(true);
    expect(projectActionsFor(actor('branch-secretary'), project('started'))).toEqual(['addProgress', 'conclude']);
    expect(projectActionsFor(actor('community-secretary'), project('started'))).toEqual(['dispatch']);
  });
});
