import { createHash } from 'node:crypto';
import { conflict, failedPrecondition, invalidArgument, notFound } from '../../../src/domain/errors';
import type { LedgerTable } from '../../../src/domain/ledger-table';
import { maskName } from '../../../src/domain/masking';
import { isSignedIn } from '../../../src/domain/policy';
import { downgradeRefusal, effectiveStatus, objectionOpen, publicityEndsAt, STAR_STATUS_LABELS, starTransition, type StarStep } from '../../../src/domain/star-cycle';
import {
  assessmentIssues,
  DIRECT_DOWNGRADES,
  eligibleStars,
  quotaRefusal,
  quotaUse,
  scoreOf,
  STAR_LABELS,
  STAR_LEVELS,
  starRefusal,
  starStatistics,
  type DirectDowngrade,
  type StarSheet,
  type Stars,
} from '../../../src/domain/star-rating';
import { canDowngradeStar, canExportStarTable, canManageStarCycle, canRateStars, canReadStarAssessment, canReviewStar, canSelfAssess, type StarBranchResource } from '../../../src/domain/star.policy';
import {
  starActions,
  type PublicStarRow,
  type StarAssessmentView,
  type StarDomain,
  type StarObjectionView,
  type StarOverview,
  type StarScoring,
  type StarTableView,
} from '../../../src/domain/star.schema';
import { defineAction } from '../../_shared/define-function';
import { ledgerWorkbook } from '../../_shared/excel';
import { holidayCalendar } from '../../_shared/holiday-calendar';
import { takePostQuota } from '../../_shared/repositories/post-quota.repository';
import { findOrg, findOrgs, listDescendants, type OrgRecord } from '../../_shared/repositories/organisation.repository';
import { listAcceptedInYear } from '../../_shared/repositories/project.repository';
import {
  answerObjectionIf,
  assessmentIdOf,
  cycleIdOf,
  findAssessment,
  cycleStarSet,
  findCycle,
  findObjection,
  insertAssessments,
  insertCycle,
  insertObjection,
  listCycleAssessments,
  listObjections,
  rateAll,
  updateAssessmentIf,
  type ScoringRecord,
  type StarAssessmentRecord,
  type StarCycleRecord,
} from '../../_shared/repositories/star.repository';
import { assertOwnUploads, uploadExport } from '../../_shared/storage';
import { referencesOf } from './star-references';
import { tellObjectionAnswered } from '../star-notify';
import { sheetForOpening } from './star-sheet.handler';

/** 五星创评 (docs/domain.md "五星创评"): open a year, 自评, 审核, 评定 with quotas, 公示 with 异议, tables. */

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function transitionOrThrow(status: StarAssessmentRecord['status'], step: StarStep) {
  const t = starTransition(status, step);
  if (!t.ok) throw failedPrecondition(t.message);
  return t;
}

type CycleResource = { ratingOrg: OrgRecord; cycle: StarCycleRecord | null };

export async function cycleOf(input: { orgId: string; year: number }): Promise<CycleResource> {
  const [ratingOrg, cycle] = await Promise.all([findOrg(input.orgId), findCycle(input.orgId, input.year)]);
  if (!ratingOrg) throw notFound('组织不存在');
  return { ratingOrg, cycle };
}

/** Lists and tables that need the organisation only (not its cycle): one read fewer per call. */
async function ratingOrgOf(input: { orgId: string }): Promise<{ ratingOrg: OrgRecord }> {
  const ratingOrg = await findOrg(input.orgId);
  if (!ratingOrg) throw notFound('组织不存在');
  return { ratingOrg };
}

export const openedCycle = (cycle: StarCycleRecord | null): StarCycleRecord => {
  if (!cycle) throw failedPrecondition('本年度五星创评尚未开始');
  return cycle;
};

type BranchResource = StarBranchResource & { record: StarAssessmentRecord; branchRecord: OrgRecord; cycle: StarCycleRecord };

/** The assessment, its branch, the level above and the rating organisation: every permission is about where they sit. */
export async function branchAssessment(input: { branchId: string; year: number }): Promise<BranchResource> {
  const [record, branchRecord] = await Promise.all([findAssessment(input.branchId, input.year), findOrg(input.branchId)]);
  if (!record || !branchRecord) throw notFound('该党支部本年度没有五星创评');
  const [[reviewOrg, ratingOrg], cycle] = await Promise.all([findOrgs([record.reviewOrgId, record.ratingOrgId]).then((o) => [o.find((x) => x._id === record.reviewOrgId), o.find((x) => x._id === record.ratingOrgId)]), findCycle(record.ratingOrgId, record.year)]);
  if (!reviewOrg || !ratingOrg || !cycle) throw notFound('评定组织不存在');
  return { record, branchRecord, cycle, branch: branchRecord, reviewOrg, ratingOrg };
}

async function hasRecognisedProject(branchId: string, year: number): Promise<boolean> {
  return (await listAcceptedInYear(branchId, year)).length > 0;
}

/** Sheet issues and the star refusal as field errors; nothing is written when any is found. */
function checkScoring(sheet: StarSheet, input: { deductions: StarScoring['deductions']; bonus: number; proposedStars: number; starReason: string }, recognised: boolean, downgrades: readonly { code: DirectDowngrade }[]) {
  const issues = assessmentIssues(sheet, input, recognised);
  if (issues.length > 0) throw invalidArgument(issues);
  const score = scoreOf(sheet, input);
  const refusal = starRefusal({ total: score.total, hasRecognisedProject: recognised, downgrades: downgrades.map((d) => d.code) }, input.proposedStars as Stars, input.starReason);
  if (refusal) throw invalidArgument([{ field: 'proposedStars', message: refusal }]);
  return score;
}

const scoringView = (s: ScoringRecord): StarScoring => ({
  deductions: s.deductions,
  bonus: s.bonus,
  proposedStars: s.proposedStars,
  starReason: s.starReason,
  score: s.score,
  at: new Date(s.at).toISOString(),
  byName: s.byName,
});

function assessmentView(r: BranchResource, refs: StarAssessmentView['references'], recognised: boolean, actor: Parameters<typeof canSelfAssess>[0], now: Date): StarAssessmentView {
  const { record } = r;
  const status = effectiveStatus(record.status, record.publicityEndsAt ? new Date(record.publicityEndsAt) : null, now);
  return {
    branchId: record.branchId,
    ratingOrgId: record.ratingOrgId,
    branchName: record.branchName,
    year: record.year,
    status,
    statusLabel: STAR_STATUS_LABELS[status],
    domain: record.domain,
    sheet: r.cycle.sheet,
    self: record.self ? { ...scoringView(record.self), situation: record.self.situation, evidence: record.self.evidence } : null,
    review: record.review
      ? { ...scoringView(record.review), downgrades: record.review.downgrades, collectiveDecision: record.review.collectiveDecision, problems: record.review.problems, measures: record.review.measures }
      : null,
    returnReason: record.returnReason,
    stars: record.stars,
    publicityEndsAt: iso(record.publicityEndsAt),
    references: refs,
    hasRecognisedProject: recognised,
    history: record.history.map((h) => ({ at: new Date(h.at).toISOString(), step: h.step, note: h.note })),
    can: {
      selfAssess: canSelfAssess(actor, null, r).ok && record.status === 'self_assessing',
      review: canReviewStar(actor, null, r).ok && starTransition(record.status, 'review').ok,
    },
  };
}

const defaultDomain = (branch: OrgRecord): StarDomain => (branch.communityId ? '社区' : branch.unitId ? '机关事业单位' : '其他');

/** The rating organisation opens a year: the reference sheet is frozen and each active branch under it starts 自评. */
export const openStarCycle = defineAction({
  schema: starActions.openCycle,
  access: 'user',
  load: cycleOf,
  authorize: canManageStarCycle,
  async handler(input, ctx, { ratingOrg, cycle }): Promise<{ opened: boolean; branches: number }> {
    if (cycle) return { opened: false, branches: 0 };
    if (ratingOrg.type === 'branch') throw failedPrecondition('党支部不能作为评定组织');
    const now = ctx.now();
    const branches = (await listDescendants(ratingOrg._id)).filter((o) => o.type === 'branch' && o.status === 'active' && o.parentId);
    if (branches.length === 0) throw failedPrecondition('该组织下没有党支部');
    const record: StarCycleRecord = {
      _id: cycleIdOf(ratingOrg._id, input.year),
      ratingOrgId: ratingOrg._id,
      ratingOrgName: ratingOrg.name,
      ratingOrgAncestors: ratingOrg.ancestors,
      year: input.year,
      sheet: await sheetForOpening(ratingOrg._id, input.year, ctx.openid, now),
      sheetStatus: 'frozen',
      openedBy: ctx.openid,
      openedAt: now,
    };
    if (!(await insertCycle(record))) return { opened: false, branches: 0 };
    const added = await insertAssessments(
      branches.map((b) => ({
        _id: assessmentIdOf(b._id, input.year),
        cycleId: record._id,
        ratingOrgId: ratingOrg._id,
        year: input.year,
        branchId: b._id,
        branchName: b.name,
        reviewOrgId: b.parentId as string,
        domain: defaultDomain(b),
        status: 'self_assessing',
        self: null,
        review: null,
        returnReason: null,
        stars: null,
        starReason: null,
        ratedBy: null,
        ratedAt: null,
        publicityEndsAt: null,
        history: [{ at: now, byOpenid: ctx.openid, step: 'open', from: 'self_assessing', to: 'self_assessing', note: '' }],
      })),
    );
    return { opened: true, branches: added };
  },
});

export const starAssessment = defineAction({
  schema: starActions.assessment,
  access: 'user',
  load: branchAssessment,
  authorize: canReadStarAssessment,
  async handler(_input, ctx, resource): Promise<StarAssessmentView> {
    const now = ctx.now();
    const [actor, { refs, recognised }] = await Promise.all([ctx.actor(), referencesOf(resource.branchRecord, resource.record.year, now)]);
    return assessmentView(resource, refs, recognised, actor, now);
  },
});

async function nameOf(ctx: { user: () => Promise<{ member: { name: string } | null } | null> }, fallback: string): Promise<string> {
  return (await ctx.user())?.member?.name ?? fallback;
}

/**
 * What 自评 and 审核 both record: the deductions, the checked score and star, and who judged when. The project read
 * and the caller's name are independent, so they go out together.
 */
async function scoredJudgement(
  input: Parameters<typeof checkScoring>[1] & { deductions: StarScoring['deductions'] },
  ctx: Parameters<typeof nameOf>[0] & { openid: string },
  sheet: StarSheet,
  branchId: string,
  year: number,
  downgrades: readonly { code: DirectDowngrade }[],
  fallbackName: string,
  now: Date,
) {
  const [recognised, byName] = await Promise.all([hasRecognisedProject(branchId, year), nameOf(ctx, fallbackName)]);
  const score = checkScoring(sheet, input, recognised, downgrades);
  const { deductions, bonus, starReason } = input;
  return { deductions, bonus, proposedStars: input.proposedStars as Stars, starReason, score, recognised, byOpenid: ctx.openid, byName, at: now };
}

/** 支部自评: save or submit; the proposed star must follow from the score. */
export const selfAssessStar = defineAction({
  schema: starActions.selfAssess,
  access: 'user',
  load: branchAssessment,
  authorize: canSelfAssess,
  async handler(input, ctx, { record, cycle, branchRecord }): Promise<{ status: string }> {
    const t = transitionOrThrow(record.status, input.submit ? 'submit' : 'selfAssess');
    const now = ctx.now();
    const judged = await scoredJudgement(input, ctx, cycle.sheet, record.branchId, record.year, [], branchRecord.secretaryName ?? '支部书记', now);
    const photos = input.evidence.flatMap((e) => e.photos);
    if (photos.length > 0) await assertOwnUploads(ctx.openid, photos, 'evidence');
    const self = { ...judged, situation: input.situation, evidence: input.evidence };
    const ok = await updateAssessmentIf(record._id, t.from, { self, domain: input.domain, status: t.to, returnReason: null }, { at: now, byOpenid: ctx.openid, step: input.submit ? 'submit' : 'selfAssess', from: record.status, to: t.to, note: '' });
    if (!ok) throw conflict('自评状态已变化，请刷新后重试');
    return { status: STAR_STATUS_LABELS[t.to] };
  },
});

/** 上级党委审核: approve with a score per item, or return to the branch with a reason. */
export const reviewStar = defineAction({
  schema: starActions.review,
  access: 'user',
  load: branchAssessment,
  authorize: canReviewStar,
  async handler(input, ctx, { record, cycle }): Promise<{ status: string }> {
    const now = ctx.now();
    if (input.decision === 'return') {
      const t = transitionOrThrow(record.status, 'returnToBranch');
      const ok = await updateAssessmentIf(record._id, t.from, { status: t.to, returnReason: input.returnReason ?? '' }, { at: now, byOpenid: ctx.openid, step: 'return', from: record.status, to: t.to, note: input.returnReason ?? '' });
      if (!ok) throw conflict('自评状态已变化，请刷新后重试');
      return { status: STAR_STATUS_LABELS[t.to] };
    }
    const t = transitionOrThrow(record.status, 'review');
    const judged = await scoredJudgement(input, ctx, cycle.sheet, record.branchId, record.year, input.downgrades, '上级党组织', now);
    const review = {
      ...judged,
      downgrades: input.downgrades,
      collectiveDecision: input.collectiveDecision,
      problems: input.problems,
      measures: input.measures,
    };
    const ok = await updateAssessmentIf(record._id, t.from, { review, status: t.to }, { at: now, byOpenid: ctx.openid, step: 'review', from: record.status, to: t.to, note: input.collectiveDecision });
    if (!ok) throw conflict('审核状态已变化，请刷新后重试');
    return { status: STAR_STATUS_LABELS[t.to] };
  },
});

const proposedOf = (a: StarAssessmentRecord): Stars | null => (a.status === 'reviewed' || a.status === 'objected' ? a.review?.proposedStars ?? null : a.stars);

/** The rating organisation's overview: every branch with its proposed star and the quota use of the set. One read. */
export const starOverview = defineAction({
  schema: starActions.overview,
  access: 'user',
  load: ratingOrgOf,
  authorize: canManageStarCycle,
  async handler(input, ctx, { ratingOrg }): Promise<StarOverview> {
    const all = await listCycleAssessments(ratingOrg._id, input.year);
    // Opening a year writes its branches' assessments: none means the year is not open (no cycle read needed).
    if (all.length === 0) return { orgName: ratingOrg.name, year: input.year, opened: false, rows: [], quotas: quotaUse([], 0) };
    const now = ctx.now();
    const rows = all.map((a) => {
      const status = effectiveStatus(a.status, a.publicityEndsAt ? new Date(a.publicityEndsAt) : null, now);
      const review = a.review;
      return {
        branchId: a.branchId,
        branchName: a.branchName,
        status,
        statusLabel: STAR_STATUS_LABELS[status],
        proposedStars: proposedOf(a),
        allowedStars: review ? eligibleStars({ total: review.score.total, hasRecognisedProject: review.recognised, downgrades: review.downgrades.map((d) => d.code) }) : null,
        stars: a.stars,
        total: review?.score.total ?? null,
      };
    });
    const stars = rows.map((r) => r.proposedStars).filter((s): s is Stars => s !== null);
    return { orgName: ratingOrg.name, year: input.year, opened: true, rows, quotas: quotaUse(stars, all.length) };
  },
});

type RatingResource = CycleResource & { cycle: StarCycleRecord; version: number; assessments: StarAssessmentRecord[]; branches: OrgRecord[] };

async function ratingSet(input: { orgId: string; year: number; ratings: { branchId: string }[] }): Promise<RatingResource> {
  const [{ ratingOrg }, { cycle, version, all }, branches] = await Promise.all([ratingOrgOf(input), cycleStarSet(input.orgId, input.year), findOrgs(input.ratings.map((r) => r.branchId))]);
  return { ratingOrg, cycle: openedCycle(cycle), version, assessments: all, branches };
}

/**
 * 评定: the set is confirmed at once. Each star must follow from the reviewed score; the whole organisation's stars
 * (this set with those already rated) must keep the quotas, or nothing is written and the refusal names the quota.
 */
export const rateStars = defineAction({
  schema: starActions.rate,
  access: 'user',
  load: ratingSet,
  authorize: canRateStars,
  async handler(input, ctx, { assessments, version }): Promise<{ rated: number; publicityEndsAt: string }> {
    const byBranch = new Map(assessments.map((a) => [a.branchId, a]));
    const issues: { field: string; message: string }[] = [];
    const seen = new Set<string>();
    input.ratings.forEach((r, i) => {
      const a = byBranch.get(r.branchId);
      if (!a) return void issues.push({ field: `ratings.${i}.branchId`, message: '该党支部不在本组织的评定范围内' });
      if (seen.has(r.branchId)) return void issues.push({ field: `ratings.${i}.branchId`, message: `「${a.branchName}」重复评定` });
      seen.add(r.branchId);
      if (a.status !== 'reviewed' || !a.review) return void issues.push({ field: `ratings.${i}.branchId`, message: `「${a.branchName}」尚未通过上级审核，不能评定` });
      const basis = { total: a.review.score.total, hasRecognisedProject: a.review.recognised, downgrades: a.review.downgrades.map((d) => d.code) };
      const refusal = starRefusal(basis, r.stars as Stars, r.reason);
      if (refusal) issues.push({ field: `ratings.${i}.stars`, message: `「${a.branchName}」${refusal}` });
    });
    if (issues.length > 0) throw invalidArgument(issues);
    const rated = new Map(input.ratings.map((r) => [r.branchId, r]));
    const set = assessments.flatMap((a) => {
      const r = rated.get(a.branchId);
      if (r) return [r.stars as Stars];
      return a.stars !== null ? [a.stars] : [];
    });
    const quota = quotaRefusal(set, assessments.length);
    if (quota) throw failedPrecondition(`超出星级比例，不能确认：${quota}`);
    const now = ctx.now();
    const ends = publicityEndsAt(now, await holidayCalendar());
    const ids = input.ratings.map((r) => assessmentIdOf(r.branchId, input.year));
    const ok = await rateAll(
      { orgId: input.orgId, year: input.year, version },
      ids,
      (id) => {
        const r = input.ratings[ids.indexOf(id)];
        return { status: 'publicised', stars: r.stars as Stars, starReason: r.reason, ratedBy: ctx.openid, ratedAt: now, publicityEndsAt: ends };
      },
      (id, from) => ({ at: now, byOpenid: ctx.openid, step: 'rate', from, to: 'publicised', note: STAR_LABELS[input.ratings[ids.indexOf(id)].stars as Stars] }),
    );
    if (!ok) throw conflict('评定期间有支部状态发生变化，请刷新后重试');
    return { rated: ids.length, publicityEndsAt: ends.toISOString() };
  },
});

/** 公示: the organisation's rated branches with their objections, objectors masked. Two reads, together. */
export const publicStars = defineAction({
  schema: starActions.publicList,
  access: 'public',
  async handler(input, ctx): Promise<{ orgName: string | null; year: number; rows: PublicStarRow[] }> {
    const now = ctx.now();
    const [cycle, all, objections] = await Promise.all([findCycle(input.orgId, input.year), listCycleAssessments(input.orgId, input.year), listObjections(input.orgId, input.year)]);
    const rows = all.flatMap((a): PublicStarRow[] => {
      if (a.stars === null || (a.status !== 'publicised' && a.status !== 'objected' && a.status !== 'reviewed')) return [];
      const status = effectiveStatus(a.status, a.publicityEndsAt ? new Date(a.publicityEndsAt) : null, now);
      const shown = status === 'final' ? 'final' : a.status === 'publicised' ? 'publicised' : 'objected';
      return [
        {
          branchId: a.branchId,
          branchName: a.branchName,
          stars: a.stars,
          starsLabel: STAR_LABELS[a.stars],
          status: shown,
          statusLabel: STAR_STATUS_LABELS[shown],
          publicityEndsAt: iso(a.publicityEndsAt),
          objections: objections
            .filter((o) => o.branchId === a.branchId)
            .map((o) => ({ id: o._id, objector: maskName(o.objectorName), reason: o.reason, reply: o.reply, outcomeLabel: o.outcome === null ? null : o.outcome === 'upheld' ? '异议成立' : '异议不成立', at: new Date(o.at).toISOString() })),
        },
      ];
    });
    return { orgName: cycle?.ratingOrgName ?? null, year: input.year, rows };
  },
});

const objectionIdOf = (openid: string, requestId: string) => `so-${createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 20)}`;

/** 异议: anyone signed in, while the branch is on 公示, counted like other posts; it reopens the branch's review. */
export const objectToStar = defineAction({
  schema: starActions.object,
  access: 'user',
  load: branchAssessment,
  authorize: isSignedIn,
  async handler(input, ctx, { record }): Promise<{ id: string }> {
    const now = ctx.now();
    const id = objectionIdOf(ctx.openid, input.requestId);
    if (await findObjection(id)) return { id };
    if (!objectionOpen(record.status, record.publicityEndsAt ? new Date(record.publicityEndsAt) : null, now)) throw failedPrecondition('该支部不在公示期内，不能提出异议');
    await takePostQuota('objection', ctx.openid, now);
    const objectorName = await nameOf(ctx, '未登记姓名的用户');
    const inserted = await insertObjection({
      _id: id,
      ratingOrgId: record.ratingOrgId,
      year: record.year,
      branchId: record.branchId,
      branchName: record.branchName,
      objectorOpenid: ctx.openid,
      objectorName,
      reason: input.reason,
      requestId: input.requestId,
      at: now,
      outcome: null,
      reply: null,
      answeredBy: null,
      answeredAt: null,
    });
    if (inserted && record.status === 'publicised') {
      const t = transitionOrThrow(record.status, 'object');
      await updateAssessmentIf(record._id, t.from, { status: t.to }, { at: now, byOpenid: ctx.openid, step: 'object', from: record.status, to: t.to, note: '' });
    }
    return { id };
  },
});

/** The rating organisation's objections with the objectors' names (they are known to it). */
export const starObjections = defineAction({
  schema: starActions.objections,
  access: 'user',
  load: ratingOrgOf,
  authorize: canManageStarCycle,
  async handler(input): Promise<{ items: StarObjectionView[] }> {
    const items = await listObjections(input.orgId, input.year);
    return {
      items: items.map((o) => ({ id: o._id, branchId: o.branchId, branchName: o.branchName, objectorName: o.objectorName, reason: o.reason, outcome: o.outcome, reply: o.reply, at: new Date(o.at).toISOString() })),
    };
  },
});

async function objectionOf(input: { objectionId: string }) {
  const objection = await findObjection(input.objectionId);
  if (!objection) throw notFound('异议不存在');
  const ratingOrg = await findOrg(objection.ratingOrgId);
  if (!ratingOrg) throw notFound('评定组织不存在');
  return { objection, ratingOrg };
}

/**
 * The answer, published with the 公示. Dismissed: the branch goes back on 公示 unchanged once no objection to it is
 * open. Upheld: the branch stays with the level above for re-review, then is rated and published again.
 */
export const answerStarObjection = defineAction({
  schema: starActions.answerObjection,
  access: 'user',
  load: objectionOf,
  authorize: canManageStarCycle,
  async handler(input, ctx, { objection }): Promise<{ outcome: string }> {
    const now = ctx.now();
    if (!(await answerObjectionIf(objection._id, { outcome: input.outcome, reply: input.reply, answeredBy: ctx.openid, answeredAt: now }))) throw conflict('该异议已答复');
    if (input.outcome === 'dismissed') {
      const open = (await listObjections(objection.ratingOrgId, objection.year)).filter((o) => o.branchId === objection.branchId && o.outcome === null && o._id !== objection._id);
      if (open.length === 0) {
        await updateAssessmentIf(assessmentIdOf(objection.branchId, objection.year), ['objected'], { status: 'publicised' }, { at: now, byOpenid: ctx.openid, step: 'dismiss', from: 'objected', to: 'publicised', note: input.reply });
      }
    }
    await tellObjectionAnswered(objection, input.outcome, input.reply);
    return { outcome: input.outcome === 'upheld' ? '异议成立，已退回上级党组织重新审核' : '异议不成立，维持评定结果' };
  },
});

/** 降级摘星: the rating stays published with its history; the reason is kept with the step. */
export const downgradeStar = defineAction({
  schema: starActions.downgrade,
  access: 'user',
  load: branchAssessment,
  authorize: canDowngradeStar,
  async handler(input, ctx, { record }): Promise<{ stars: string }> {
    const refusal = downgradeRefusal(record.status, record.stars, input.stars);
    if (refusal) throw failedPrecondition(refusal);
    const now = ctx.now();
    const note = `${STAR_LABELS[record.stars as Stars]} → ${STAR_LABELS[input.stars as Stars]}：${DIRECT_DOWNGRADES.find((d) => d.code === input.code)?.text ?? ''}，${input.reason}`;
    const ok = await updateAssessmentIf(record._id, [record.status], { stars: input.stars as Stars, starReason: input.reason }, { at: now, byOpenid: ctx.openid, step: 'downgrade', from: record.status, to: record.status, note });
    if (!ok) throw conflict('该支部状态已变化，请刷新后重试');
    return { stars: STAR_LABELS[input.stars as Stars] };
  },
});

const ratedOf = (all: StarAssessmentRecord[]) => all.filter((a): a is StarAssessmentRecord & { stars: Stars } => a.stars !== null);

export function statisticsTable(orgName: string, year: number, all: StarAssessmentRecord[]): LedgerTable {
  const stats = starStatistics(ratedOf(all).map((a) => ({ domain: a.domain, stars: a.stars })));
  const columns: LedgerTable['columns'] = [
    { key: 'domain', title: '领域', kind: 'text', width: 14 },
    { key: 'total', title: '党组织数', kind: 'integer' },
    ...STAR_LEVELS.flatMap((s) => [
      { key: `count${s}`, title: `${STAR_LABELS[s]}（个）`, kind: 'integer' as const, width: 9 },
      { key: `share${s}`, title: `${STAR_LABELS[s]}占比`, kind: 'percent' as const, width: 9 },
    ]),
  ];
  const rowOf = (domain: string, total: number, byStar: { stars: Stars; count: number }[]) => ({
    domain,
    total,
    ...Object.fromEntries(byStar.flatMap((b) => [[`count${b.stars}`, b.count], [`share${b.stars}`, total === 0 ? 0 : b.count / total]])),
  });
  const rows = stats.map((d) => rowOf(d.domain, d.total, d.byStar));
  const total = stats.reduce((n, d) => n + d.total, 0);
  const totals = rowOf('合计', total, STAR_LEVELS.map((s) => ({ stars: s, count: stats.reduce((n, d) => n + (d.byStar.find((b) => b.stars === s)?.count ?? 0), 0) })));
  return {
    title: '星级评定情况统计表',
    scopeName: orgName,
    periodLabel: `${year}年度`,
    columns,
    rows,
    totals,
    definitions: [
      { column: '党组织数', text: '本年度已评定星级（含公示中）的党支部数' },
      { column: '占比', text: '该星级党支部数 ÷ 该领域已评定党支部数' },
    ],
  };
}

function ledgerTable(orgName: string, year: number, all: StarAssessmentRecord[], branches: OrgRecord[]): LedgerTable {
  const byId = new Map(branches.map((b) => [b._id, b]));
  return {
    title: '五星创评工作台账',
    scopeName: orgName,
    periodLabel: `${year}年度`,
    columns: [
      { key: 'branch', title: '党支部', kind: 'text', width: 16 },
      { key: 'secretary', title: '书记', kind: 'text', width: 8 },
      { key: 'contact', title: '联系人', kind: 'text', width: 8 },
      { key: 'stars', title: '星级', kind: 'text', width: 8 },
      { key: 'score', title: '审核得分', kind: 'decimal', width: 8 },
      { key: 'situation', title: '基本情况', kind: 'text', width: 24 },
      { key: 'problems', title: '主要问题', kind: 'text', width: 24 },
      { key: 'measures', title: '整改措施', kind: 'text', width: 24 },
    ],
    rows: all.map((a) => ({
      branch: a.branchName,
      secretary: byId.get(a.branchId)?.secretaryName ?? null,
      contact: byId.get(a.branchId)?.contactName ?? null,
      stars: a.stars === null ? STAR_STATUS_LABELS[a.status] : STAR_LABELS[a.stars],
      score: a.review?.score.total ?? null,
      situation: a.self?.situation ?? null,
      problems: a.review?.problems ?? null,
      measures: a.review?.measures ?? null,
    })),
    totals: null,
    definitions: [{ column: '审核得分', text: '上级党委审核的得分（前 7 项扣分后得分 + 加分）' }],
  };
}

function applicationTable(cycle: StarCycleRecord, a: StarAssessmentRecord): LedgerTable {
  const self = a.self;
  const review = a.review;
  const reasons = (s: ScoringRecord | null, key: string) => (s ? s.deductions.filter((d) => d.itemKey === key).map((d) => `扣 ${d.points} 分：${d.reason}`).join('；') : '');
  return {
    title: '五星创评申报表',
    scopeName: a.branchName,
    periodLabel: `${a.year}年度`,
    columns: [
      { key: 'item', title: '评分项目', kind: 'text', width: 10 },
      { key: 'points', title: '分值', kind: 'decimal', width: 6 },
      { key: 'self', title: '自评得分', kind: 'decimal', width: 8 },
      { key: 'selfReasons', title: '自评扣分理由', kind: 'text', width: 28 },
      { key: 'review', title: '审核得分', kind: 'decimal', width: 8 },
      { key: 'reviewReasons', title: '审核扣分理由', kind: 'text', width: 28 },
    ],
    rows: [
      ...cycle.sheet.items.map((item) => ({
        item: item.name,
        points: item.points,
        self: self?.score.items.find((i) => i.key === item.key)?.score ?? null,
        selfReasons: reasons(self, item.key),
        review: review?.score.items.find((i) => i.key === item.key)?.score ?? null,
        reviewReasons: reasons(review, item.key),
      })),
      { item: '加分项目', points: cycle.sheet.bonusMax, self: self?.bonus ?? null, selfReasons: '', review: review?.bonus ?? null, reviewReasons: '' },
    ],
    totals: {
      item: '合计',
      points: cycle.sheet.items.reduce((n, i) => n + i.points, 0) + cycle.sheet.bonusMax,
      self: self?.score.total ?? null,
      selfReasons: self ? `申报星级：${STAR_LABELS[self.proposedStars]}` : '',
      review: review?.score.total ?? null,
      reviewReasons: review ? `建议星级：${STAR_LABELS[review.proposedStars]}` : '',
    },
    definitions: [
      { column: '基本情况', text: self?.situation ?? '（未填报）' },
      { column: '评分办法', text: '前 7 项总分 100 分逐项扣分，每项扣完为止；加分项目最多 10 分，须为评定组织认定的党建创新项目' },
    ],
  };
}

async function tableOf(kind: 'statistics' | 'ledger', orgName: string, year: number, orgId: string): Promise<LedgerTable> {
  const all = await listCycleAssessments(orgId, year);
  if (kind === 'statistics') return statisticsTable(orgName, year, all);
  return ledgerTable(orgName, year, all, await findOrgs(all.map((a) => a.branchId)));
}

/** 星级评定情况统计表 / 五星创评工作台账 on screen (staff only: the ledger names secretaries). */
export const starTable = defineAction({
  schema: starActions.table,
  access: 'user',
  load: ratingOrgOf,
  authorize: canManageStarCycle,
  async handler(input, _ctx, { ratingOrg }): Promise<StarTableView> {
    return { table: await tableOf(input.table, ratingOrg.name, input.year, ratingOrg._id) };
  },
});

type ExportResource = CycleResource & { application: BranchResource | null };

async function exportResource(input: { orgId: string; year: number; table: string; branchId?: string }): Promise<ExportResource> {
  const [base, application] = await Promise.all([cycleOf(input), input.table === 'application' && input.branchId ? branchAssessment({ branchId: input.branchId, year: input.year }) : Promise.resolve(null)]);
  if (application && application.record.ratingOrgId !== base.ratingOrg._id) throw notFound('该党支部不在本组织的评定范围内');
  return { ...base, application };
}

/** The tables as .xlsx (the Excel module), and one branch's 申报表 for printing. */
export const exportStarTable = defineAction({
  schema: starActions.exportTable,
  access: 'user',
  load: exportResource,
  authorize: canExportStarTable,
  async handler(input, ctx, { ratingOrg, cycle, application }): Promise<{ url: string; fileName: string; rows: number; bytes: number }> {
    const opened = openedCycle(cycle);
    const table = input.table === 'application' && application ? applicationTable(opened, application.record) : await tableOf(input.table === 'ledger' ? 'ledger' : 'statistics', ratingOrg.name, input.year, ratingOrg._id);
    const content = await ledgerWorkbook(table);
    const { url } = await uploadExport(ctx.openid, `star-${input.table}.xlsx`, content);
    return { url, fileName: `${table.title}-${table.scopeName}.xlsx`, rows: table.rows.length, bytes: content.length };
  },
});
