import { managesOrganisation, type OrgResource } from './organisation.policy';
import { decideProjectMove, nextProjectType, RUNNING_STATUSES, type ProjectMove, type ProjectStatus, type ProjectType } from './project-machine';
import type { ProjectAction } from './project.schema';
import { allOf, rule, type Verdict } from './policy';
import { hasGrant, isAdmin, type Actor } from './roles';

/** An organisation as a project permission sees it: its place in the tree and its two named people. */
export type ProjectOrg = OrgResource & { contactOpenid: string | null };

/** A project with its applying organisation and that organisation's parent (the level that approves). */
export interface ProjectResource {
  project: { appliedBy: string; status: ProjectStatus; type: ProjectType };
  org: ProjectOrg;
  parent: ProjectOrg | null;
}

export const NOT_PROJECT_OWNER = '只有申报组织的书记、联系人或本组织的党组织工作人员可以进行此操作';
export const NOT_PROJECT_APPROVER = '只有上级党组织的书记、联系人、党组织工作人员或系统管理员可以进行此操作';
export const OWN_PROJECT = '不能审批、调度或验收本组织申报的项目，请由上级党组织的其他人员办理';

const isPersonOf = (actor: Actor, org: ProjectOrg | null) => !!org && [org.secretaryOpenid, org.contactOpenid].includes(actor.openid);

/** The applying organisation's people: its secretary, its 联系人, or 党组织工作人员 granted on it exactly. */
export const ownsForOrganisation = (actor: Actor, org: ProjectOrg) => isPersonOf(actor, org) || hasGrant(actor, 'org_staff', 'organisation', org._id);

/** The level above: the parent's secretary or 联系人, staff whose grant covers the parent, or an admin (a root's only approver). */
export const approvesFor = (actor: Actor, parent: ProjectOrg | null) =>
  parent ? isPersonOf(actor, parent) || managesOrganisation(actor, parent) : isAdmin(actor);

/** Whoever applied, or holds a role of the applying organisation, never decides on the project, whatever else they hold. */
const isOwnProject = (actor: Actor, r: ProjectResource) => r.project.appliedBy === actor.openid || ownsForOrganisation(actor, r.org);

const moveAllowed = (status: ProjectStatus, move: ProjectMove): Verdict => {
  const d = decideProjectMove(status, move);
  return d.ok ? { ok: true } : { ok: false, message: d.message, code: 'FAILED_PRECONDITION' };
};

const asOwner = (actor: Actor, r: ProjectResource, move: ProjectMove): Verdict => allOf(rule(ownsForOrganisation(actor, r.org), NOT_PROJECT_OWNER), moveAllowed(r.project.status, move));

const asApprover = (actor: Actor, r: ProjectResource, moveVerdict: Verdict): Verdict =>
  allOf(rule(approvesFor(actor, r.parent), NOT_PROJECT_APPROVER), rule(!isOwnProject(actor, r), OWN_PROJECT), moveVerdict);

/** 申报 for an organisation: its own people, while it is active. */
export const canApplyForProject = (actor: Actor, _input: unknown, org: ProjectOrg & { status: 'active' | 'merged' }): Verdict =>
  allOf(rule(ownsForOrganisation(actor, org), NOT_PROJECT_OWNER), org.status === 'active' ? { ok: true } : { ok: false, message: '该组织已被合并，请以合并后的组织申报', code: 'FAILED_PRECONDITION' });

export const canReviseProject = (actor: Actor, _input: unknown, r: ProjectResource) => asOwner(actor, r, 'resubmit');
export const canStartProject = (actor: Actor, _input: unknown, r: ProjectResource) => asOwner(actor, r, 'start');
export const canConcludeProject = (actor: Actor, _input: unknown, r: ProjectResource) => asOwner(actor, r, 'conclude');
export const canAddProjectProgress = (actor: Actor, _input: unknown, r: ProjectResource): Verdict =>
  allOf(rule(ownsForOrganisation(actor, r.org), NOT_PROJECT_OWNER), r.project.status === 'started' ? { ok: true } : { ok: false, message: '项目启动后才能记录推进情况', code: 'FAILED_PRECONDITION' });

/** 立项 (approve or return). */
export const canReviewProject = (actor: Actor, input: { decision: 'approve' | 'return' }, r: ProjectResource) => asApprover(actor, r, moveAllowed(r.project.status, input.decision));
/** 验收 (pass or fail is the evaluation's, both from 结题). */
export const canAcceptProject = (actor: Actor, _input: unknown, r: ProjectResource) => asApprover(actor, r, moveAllowed(r.project.status, 'accept'));
export const canPromoteProject = (actor: Actor, _input: unknown, r: ProjectResource) =>
  asApprover(actor, r, allOf(moveAllowed(r.project.status, 'promote'), nextProjectType(r.project.type) ? { ok: true } : { ok: false, message: '制度推广型「大试」已是最高类型，不能再推广', code: 'FAILED_PRECONDITION' }));
/** 调度: while the project is approved or running. */
export const canDispatchProject = (actor: Actor, _input: unknown, r: ProjectResource) =>
  asApprover(actor, r, (RUNNING_STATUSES as readonly ProjectStatus[]).includes(r.project.status) ? { ok: true } : { ok: false, message: '只有已立项、实施中的项目可以调度', code: 'FAILED_PRECONDITION' });

/** The detail with its entries: the organisation's people and the approving level. */
export const canSeeProject = (actor: Actor, _input: unknown, r: ProjectResource): Verdict =>
  rule(ownsForOrganisation(actor, r.org) || approvesFor(actor, r.parent), '只有申报组织和上级党组织的人员可以查看项目详情');

/** An organisation's list: its people, or staff above it. */
export const canListOrgProjects = (actor: Actor, _input: unknown, org: ProjectOrg): Verdict =>
  rule(ownsForOrganisation(actor, org) || managesOrganisation(actor, org), NOT_PROJECT_OWNER);

/** The 调度 view of a level: its secretary, 联系人, staff covering it, or an admin. */
export const canSeeDispatchList = (actor: Actor, _input: unknown, org: ProjectOrg): Verdict =>
  rule(isPersonOf(actor, org) || managesOrganisation(actor, org), '只有该党组织的书记、联系人或工作人员可以查看项目调度');

/** The buttons of the detail, from the same rules. */
export function projectActionsFor(actor: Actor, r: ProjectResource): ProjectAction[] {
  const checks: [ProjectAction, Verdict][] = [
    ['revise', canReviseProject(actor, null, r)],
    ['review', canReviewProject(actor, { decision: 'approve' }, r)],
    ['start', canStartProject(actor, null, r)],
    ['addProgress', canAddProjectProgress(actor, null, r)],
    ['dispatch', canDispatchProject(actor, null, r)],
    ['conclude', canConcludeProject(actor, null, r)],
    ['accept', canAcceptProject(actor, null, r)],
    ['promote', canPromoteProject(actor, null, r)],
  ];
  return checks.filter(([, v]) => v.ok).map(([a]) => a);
}
