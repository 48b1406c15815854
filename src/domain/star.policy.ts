import type { OrgNode } from './organisation';
import { actsForOrganisation, managesOrganisation, type OrgResource } from './organisation.policy';
import { allOf, rule, type Verdict } from './policy';
import { isAdmin, type Actor } from './roles';

/**
 * 五星创评 permissions ("谁评定、谁负责"): the branch's secretary self-assesses; the level above (the branch's parent:
 * its secretary or 党组织工作人员 of it) reviews; 党组织工作人员 of the rating organisation rate and answer objections.
 * Nobody reviews or rates their own branch (its secretary or 联系人), whatever roles they hold.
 */
export interface StarBranch extends Pick<OrgNode, '_id' | 'ancestors'> {
  secretaryOpenid: string | null;
  contactOpenid: string | null;
}

export interface StarBranchResource {
  branch: StarBranch;
  /** The branch's parent: the reviewing level. */
  reviewOrg: OrgResource;
  ratingOrg: Pick<OrgNode, '_id' | 'ancestors'>;
}

export interface StarCycleResource {
  ratingOrg: Pick<OrgNode, '_id' | 'ancestors'>;
}

export interface StarRatingResource extends StarCycleResource {
  /** The branches of the set being rated. */
  branches: StarBranch[];
}

/** The branch's own people: its secretary and 联系人. */
export const isOwnBranch = (actor: Actor, branch: StarBranch) => actor.openid === branch.secretaryOpenid || actor.openid === branch.contactOpenid;

const OWN_BRANCH = '不能审核或评定本人所在党支部，请由上级党组织的其他人员办理';
const NOT_RATING_STAFF = '只有评定组织的党组织工作人员可以进行此操作';

export const canSelfAssess = (actor: Actor, _input: unknown, { branch }: StarBranchResource): Verdict =>
  rule(branch.secretaryOpenid !== null && actor.openid === branch.secretaryOpenid, '只有本支部书记可以填报自评');

export const canReviewStar = (actor: Actor, _input: unknown, { branch, reviewOrg }: StarBranchResource): Verdict =>
  allOf(rule(actsForOrganisation(actor, reviewOrg), '只有上级党组织的书记或工作人员可以审核'), rule(!isOwnBranch(actor, branch), OWN_BRANCH));

/** The reviewing level and the rating organisation: they examine a branch's evidence, so see photos still in WeChat's check. */
export const examinesStarBranch = (actor: Actor, resource: StarBranchResource) => actsForOrganisation(actor, resource.reviewOrg) || managesOrganisation(actor, resource.ratingOrg);

/** Reading one branch's assessment: its secretary and 联系人, the reviewing level, the rating organisation. */
export const canReadStarAssessment = (actor: Actor, _input: unknown, resource: StarBranchResource): Verdict =>
  rule(
    isOwnBranch(actor, resource.branch) || examinesStarBranch(actor, resource),
    '只有本支部、上级党组织或评定组织可以查看',
  );

export const canManageStarCycle = (actor: Actor, _input: unknown, { ratingOrg }: StarCycleResource): Verdict => rule(managesOrganisation(actor, ratingOrg), NOT_RATING_STAFF);

export const canRateStars = (actor: Actor, _input: unknown, { ratingOrg, branches }: StarRatingResource): Verdict =>
  allOf(rule(managesOrganisation(actor, ratingOrg), NOT_RATING_STAFF), rule(!branches.some((b) => isOwnBranch(actor, b)), OWN_BRANCH));

/** The statistics and the ledger are the rating organisation's; a branch's 申报表 also its own people's and the reviewers'. */
export const canExportStarTable = (actor: Actor, input: { table: string }, resource: StarCycleResource & { application: StarBranchResource | null }): Verdict =>
  input.table === 'application' && resource.application ? canReadStarAssessment(actor, input, resource.application) : canManageStarCycle(actor, input, resource);

/** 降级摘星: "谁评定、谁负责" — the rating organisation's staff, never on their own branch. */
export const canDowngradeStar = (actor: Actor, _input: unknown, { branch, ratingOrg }: StarBranchResource): Verdict =>
  allOf(rule(managesOrganisation(actor, ratingOrg), NOT_RATING_STAFF), rule(!isOwnBranch(actor, branch), OWN_BRANCH));

/**
 * 统计表 报送 goes up: the rating organisation's staff report (canManageStarCycle); the level above — staff of an
 * organisation over the rating organisations, or the admin for those at the top of the tree — sees who has reported.
 */
export const canViewStarReports = (actor: Actor, _input: unknown, { org }: { org: Pick<OrgNode, '_id' | 'ancestors'> | null }): Verdict =>
  rule(org ? managesOrganisation(actor, org) : isAdmin(actor), '只有上级党组织的工作人员可以查看报送情况');

/** 升级增星: the branch's secretary applies for their branch. */
export const canApplyStarUpgrade = (actor: Actor, _input: unknown, { branch }: StarBranchResource): Verdict =>
  rule(branch.secretaryOpenid !== null && actor.openid === branch.secretaryOpenid, '只有本支部书记可以申请升级增星');

/** Deciding an upgrade: the rating organisation's staff, never someone of that branch nor the applicant (separation of duties). */
export const canDecideStarUpgrade = (actor: Actor, _input: unknown, { branch, ratingOrg, applicantOpenid }: StarBranchResource & { applicantOpenid: string }): Verdict =>
  allOf(rule(managesOrganisation(actor, ratingOrg), NOT_RATING_STAFF), rule(!isOwnBranch(actor, branch) && actor.openid !== applicantOpenid, '不能审批本人所在党支部或本人提出的升级申请'));

/**
 * The 报送 itself is the rating organisation's own act: staff granted on it, not the level above it reports to (whose
 * staff also manage it) nor the admin, as a unit's quarterly 报送 is its own admin's.
 */
export const canReportStarStatistics = (actor: Actor, _input: unknown, { ratingOrg }: StarCycleResource): Verdict =>
  rule(actor.grants.some((g) => g.role === 'org_staff' && g.scopeType === 'organisation' && g.scopeId === ratingOrg._id), '只有评定组织本级的党组织工作人员可以报送统计表');
