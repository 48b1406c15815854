import { isAdmin, type Actor } from './roles';
import type { StarStatus } from './star-cycle';

/**
 * What a person has to do in 五星创评 this year (the workbench entry and its count): 自评 of the branches they are
 * secretary of, 审核 where they act for the branch's parent, 评定 where they are the rating organisation's staff.
 * Pure: the handlers read the organisations the person leads or is granted, then the assessments in these scopes.
 * A grant covers the organisation it names (its reviews and ratings); an admin covers every one.
 */
export interface StarWorkScopes {
  all: boolean;
  /** Branches whose 自评 is the caller's (they are the secretary). */
  selfBranches: string[];
  /** Organisations whose branches' 审核 is the caller's (secretary of the parent, or a grant on it). */
  reviewOrgs: string[];
  /** Rating organisations the caller's grants name. */
  ratingOrgs: string[];
  /** Branches the caller is secretary or 联系人 of: never reviewed or rated by them. */
  ownBranches: string[];
}

interface LedOrg {
  _id: string;
  secretaryOpenid: string | null;
  contactOpenid: string | null;
}

export function starWorkScopes(actor: Actor, led: readonly LedOrg[]): StarWorkScopes {
  const granted = actor.grants.filter((g) => g.role === 'org_staff' && g.scopeType === 'organisation').map((g) => g.scopeId);
  const secretaryOf = led.filter((o) => o.secretaryOpenid === actor.openid).map((o) => o._id);
  return {
    all: isAdmin(actor),
    selfBranches: secretaryOf,
    reviewOrgs: [...new Set([...secretaryOf, ...granted])],
    ratingOrgs: granted,
    ownBranches: led.filter((o) => o.secretaryOpenid === actor.openid || o.contactOpenid === actor.openid).map((o) => o._id),
  };
}

export const hasStarScopes = (s: StarWorkScopes) => s.all || s.selfBranches.length > 0 || s.reviewOrgs.length > 0 || s.ratingOrgs.length > 0;

export type StarWorkKind = 'selfAssess' | 'review' | 'rate';

export const STAR_WORK_LABELS: Record<StarWorkKind, string> = { selfAssess: '待自评', review: '待审核', rate: '待评定' };

export interface StarWorkItem {
  kind: StarWorkKind;
  label: string;
  branchId: string;
  branchName: string;
  ratingOrgId: string;
  year: number;
}

interface AssessmentFacts {
  branchId: string;
  branchName: string;
  ratingOrgId: string;
  reviewOrgId: string;
  status: StarStatus;
  year: number;
}

const kindOf = (a: AssessmentFacts, s: StarWorkScopes): StarWorkKind | null => {
  if (a.status === 'self_assessing') return s.selfBranches.includes(a.branchId) ? 'selfAssess' : null;
  if (s.ownBranches.includes(a.branchId)) return null;
  if (a.status === 'submitted' || a.status === 'objected') return s.all || s.reviewOrgs.includes(a.reviewOrgId) ? 'review' : null;
  if (a.status === 'reviewed') return s.all || s.ratingOrgs.includes(a.ratingOrgId) ? 'rate' : null;
  return null;
};

/** The caller's items among the assessments read for their scopes, 自评 first, then 审核, then 评定. */
export function starWorkItems(assessments: readonly AssessmentFacts[], scopes: StarWorkScopes): StarWorkItem[] {
  const order: StarWorkKind[] = ['selfAssess', 'review', 'rate'];
  return assessments
    .flatMap((a) => {
      const kind = kindOf(a, scopes);
      return kind ? [{ kind, label: STAR_WORK_LABELS[kind], branchId: a.branchId, branchName: a.branchName, ratingOrgId: a.ratingOrgId, year: a.year }] : [];
    })
    .sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind) || x.branchName.localeCompare(y.branchName, 'zh'));
}
