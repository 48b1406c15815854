import { actsForOrganisation, NOT_ORG_STAFF, type OrgResource } from './organisation.policy';
import { ratingOpen, type PledgeStatus } from './pledge';
import { allOf, rule, type Verdict } from './policy';
import { hasGrant, isAdmin, type Actor } from './roles';

/** A pledge as a permission sees it, with the branch it belongs to. */
export interface PledgeResource {
  pledge: { openid: string; status: PledgeStatus; year: number; rated: boolean };
  branch: OrgResource;
}

const NOT_OWN = '不能审核或评定自己的承诺';

export const canMakePledge = (actor: Actor): Verdict => rule(actor.isMember, '只有登记的在职党员可以作出承诺，请先登记');

/** 定诺: the branch's secretary or staff of its subtree, never on their own pledge, whatever roles they hold. */
export const canReviewPledge = (actor: Actor, _input: unknown, { pledge, branch }: PledgeResource): Verdict =>
  allOf(
    rule(actsForOrganisation(actor, branch), NOT_ORG_STAFF),
    rule(pledge.openid !== actor.openid, NOT_OWN),
    pledge.status === 'pending' ? { ok: true } : { ok: false, message: '该承诺已审核', code: 'CONFLICT' },
  );

/** 评诺: the same people, from 1 December of the pledge's year, once per approved pledge. */
export const canRatePledge = (actor: Actor, _input: unknown, { pledge, branch }: PledgeResource, now: Date): Verdict =>
  allOf(
    rule(actsForOrganisation(actor, branch), NOT_ORG_STAFF),
    rule(pledge.openid !== actor.openid, NOT_OWN),
    pledge.status === 'approved' ? { ok: true } : { ok: false, message: '只有已定诺的承诺可以评定', code: 'FAILED_PRECONDITION' },
    ratingOpen(pledge.year, now) ? { ok: true } : { ok: false, message: `评诺从 ${pledge.year} 年 12 月 1 日开始`, code: 'FAILED_PRECONDITION' },
    pledge.rated ? { ok: false, message: '该承诺已评定', code: 'CONFLICT' } : { ok: true },
  );

const OWN_ONLY = '只能操作自己的承诺';

/** 践诺: the member on their own approved pledge, until it is rated. */
export const canAddProgress = (actor: Actor, _input: unknown, { pledge }: PledgeResource): Verdict =>
  allOf(
    rule(pledge.openid === actor.openid, OWN_ONLY),
    pledge.status === 'approved' ? { ok: true } : { ok: false, message: '承诺经支部定诺后才能记录践诺', code: 'FAILED_PRECONDITION' },
    pledge.rated ? { ok: false, message: '该承诺已评定，不能再记录践诺', code: 'FAILED_PRECONDITION' } : { ok: true },
  );

/** A returned pledge is corrected by its own member. */
export const canRevisePledge = (actor: Actor, _input: unknown, { pledge }: PledgeResource): Verdict =>
  allOf(rule(pledge.openid === actor.openid, OWN_ONLY), pledge.status === 'returned' ? { ok: true } : { ok: false, message: '只有被退回的承诺可以修改', code: 'FAILED_PRECONDITION' });

export const canSeeOwnPledge = (actor: Actor, _input: unknown, { pledge }: PledgeResource): Verdict => rule(pledge.openid === actor.openid, OWN_ONLY);

/** The unit's view of its members' pledges: its 单位党组织管理员 (or an admin). */
export const canSeeUnitPledges = (actor: Actor, input: { unitId: string }): Verdict =>
  rule(isAdmin(actor) || hasGrant(actor, 'unit_admin', 'unit', input.unitId), '只有本单位党组织管理员可以查看');
