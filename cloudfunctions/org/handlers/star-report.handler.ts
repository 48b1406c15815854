import { conflict, notFound } from '../../../src/domain/errors';
import type { LedgerTable } from '../../../src/domain/ledger-table';
import { formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import { assertHalfNotFuture, STAR_REPORTED, starReportLabel, starReportPeriod, type Half } from '../../../src/domain/star-report';
import { canManageStarCycle, canReportStarStatistics, canViewStarReports } from '../../../src/domain/star.policy';
import { starActions, type StarReportRow, type StarReportView } from '../../../src/domain/star.schema';
import { defineAction } from '../../_shared/define-function';
import { findOrg } from '../../_shared/repositories/organisation.repository';
import { findSubmission, insertSubmission, listSubmissions, submissionId, type SubmissionDoc } from '../../_shared/repositories/stat-counter.repository';
import { listCycleAssessments, listCyclesOfYear } from '../../_shared/repositories/star.repository';
import { cycleOf, openedCycle, statisticsTable } from './star.handler';

/**
 * 星级评定情况统计表 报送, every half year (docs/domain.md "五星创评"). Stored as the quarterly 四进四联 报送 is: a
 * snapshot document beside the counters (`submission:<orgId>:star-<year>-H<n>`), written once, so the level above
 * reads who reported with the same list query.
 */

const viewOf = (year: number, half: Half, submission: SubmissionDoc | null, canSubmit: boolean): StarReportView => ({
  periodLabel: starReportLabel(year, half),
  submission: submission && { submittedAt: formatShanghaiMinute(submission.submittedAt), submittedByName: submission.submittedByName },
  canSubmit,
});

/** Whether the rating organisation has reported this half. The cycle, the organisation and the 报送 in one round. */
export const starReport = defineAction({
  schema: starActions.starReport,
  access: 'user',
  async load(input) {
    const [base, submission] = await Promise.all([cycleOf(input), findSubmission(submissionId(input.orgId, starReportPeriod(input.year, input.half as Half)))]);
    return { ...base, submission };
  },
  authorize: canManageStarCycle,
  async handler(input, ctx, { ratingOrg, cycle, submission }): Promise<StarReportView> {
    const half = input.half as Half;
    assertHalfNotFuture(input.year, half, ctx.now());
    const mayReport = canReportStarStatistics(await ctx.actor(), input, { ratingOrg }).ok;
    return viewOf(input.year, half, submission, mayReport && cycle !== null && submission === null);
  },
});

/**
 * 报送: the rating organisation's staff send the year's table as it stands, once per half-year. The snapshot is what
 * the level above received; the ratings may still change afterwards (objections, 摘星), the report does not.
 */
export const reportStarStatistics = defineAction({
  schema: starActions.reportStarStatistics,
  access: 'user',
  idempotent: true,
  load: cycleOf,
  authorize: canReportStarStatistics,
  async handler(input, ctx, { ratingOrg, cycle }): Promise<StarReportView> {
    const half = input.half as Half;
    const now = ctx.now();
    assertHalfNotFuture(input.year, half, now);
    openedCycle(cycle);
    const [all, user] = await Promise.all([listCycleAssessments(ratingOrg._id, input.year), ctx.user()]);
    const table: LedgerTable = { ...statisticsTable(ratingOrg.name, input.year, all), periodLabel: `${starReportLabel(input.year, half)}报送` };
    const period = starReportPeriod(input.year, half);
    const submission: SubmissionDoc<LedgerTable> = {
      _id: submissionId(ratingOrg._id, period),
      scopeType: 'submission',
      scopeId: ratingOrg._id,
      period,
      unitName: ratingOrg.name,
      submittedBy: ctx.openid,
      submittedByName: user?.member?.name ?? '党组织工作人员',
      submittedAt: now,
      snapshot: table,
    };
    if (!(await insertSubmission(submission))) throw conflict(STAR_REPORTED);
    return viewOf(input.year, half, submission, false);
  },
});

/** The level above: each rating organisation under it with a cycle this year, and whether it reported (no figures). */
export const starReports = defineAction({
  schema: starActions.starReports,
  access: 'user',
  async load(input) {
    if (!input.orgId) return { org: null };
    const org = await findOrg(input.orgId);
    if (!org) throw notFound('组织不存在');
    return { org };
  },
  authorize: canViewStarReports,
  async handler(input, ctx, { org }): Promise<{ periodLabel: string; submittedCount: number; rows: StarReportRow[] }> {
    const half = input.half as Half;
    assertHalfNotFuture(input.year, half, ctx.now());
    const [cycles, done] = await Promise.all([listCyclesOfYear(input.year, org?._id ?? null), listSubmissions(starReportPeriod(input.year, half))]);
    const byOrg = new Map(done.map((d) => [d.scopeId, d]));
    const rows = cycles.map((c) => {
      const s = byOrg.get(c.ratingOrgId);
      return { orgId: c.ratingOrgId, orgName: c.ratingOrgName, submitted: Boolean(s), submittedAt: s ? formatShanghaiMinute(s.submittedAt) : null };
    });
    // Those still to report first: they are who the level above follows up.
    rows.sort((a, b) => Number(a.submitted) - Number(b.submitted));
    return { periodLabel: starReportLabel(input.year, half), submittedCount: rows.filter((r) => r.submitted).length, rows };
  },
});
