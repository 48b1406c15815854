import { conflict, notFound } from '../../../src/domain/errors';
import type { LedgerTable } from '../../../src/domain/ledger-table';
import { canSubmitQuarterly, canViewCommunityTable, canViewSubmissions, canViewUnitTable } from '../../../src/domain/ledger.policy';
import { ledgerActions } from '../../../src/domain/ledger.schema';
import { hasGrant } from '../../../src/domain/roles';
import { formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import { assertQuarterNotFuture, quarterKey, quarterLabel } from '../../../src/domain/stat-period';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { insertSubmission, listSubmissions, submissionId } from '../../_shared/repositories/stat-counter.repository';
import { findUnit, listUnits } from '../../_shared/repositories/unit.repository';
import { loadQuarterlyTable } from '../tables/quarterly.table';

export interface SubmissionView {
  submittedAt: string;
  submittedByName: string;
}

export interface QuarterlyView {
  table: LedgerTable;
  /** A unit's 报送 of this quarter, or null. Always null for a community. */
  submission: SubmissionView | null;
  /** The caller may submit this table now (their unit, not yet submitted). */
  canSubmit: boolean;
}

const QUARTER_SUBMITTED = '本季度统计表已报送，不能重复报送';

/** The 统计表 of a unit or community for a quarter. Three round trips: the caller, the scope, the counters. */
export const quarterly = defineAction({
  schema: ledgerActions.quarterly,
  access: 'user',
  async load(input): Promise<{ name: string; streetId: string }> {
    if (input.scopeType === 'unit') {
      const unit = await findUnit(input.scopeId);
      if (!unit) throw notFound('单位不存在');
      return { name: unit.name, streetId: '' };
    }
    const community = await findCommunity(input.scopeId);
    if (!community) throw notFound('社区不存在');
    return { name: community.name, streetId: community.streetId };
  },
  authorize: (actor, input, scope) =>
    input.scopeType === 'unit' ? canViewUnitTable(actor, input.scopeId) : canViewCommunityTable(actor, { communityId: input.scopeId, streetId: scope.streetId }),
  async handler(input, ctx, scope): Promise<QuarterlyView> {
    assertQuarterNotFuture(input.year, input.quarter, ctx.now());
    const { table, submission } = await loadQuarterlyTable({ scopeType: input.scopeType, scopeId: input.scopeId, scopeName: scope.name }, input.year, input.quarter);
    const actor = await ctx.actor();
    return {
      table,
      submission: submission && { submittedAt: formatShanghaiMinute(submission.submittedAt), submittedByName: submission.submittedByName },
      canSubmit: input.scopeType === 'unit' && !submission && hasGrant(actor, 'unit_admin', 'unit', input.scopeId),
    };
  },
});

/**
 * 报送: the unit admin submits the quarter's table, once. The table is stored as submitted (a snapshot); the
 * counters may still change afterwards (late confirmations), the submitted figures do not. A quarter that has begun
 * may be submitted; a second submission of the same quarter is refused.
 */
export const submitQuarterly = defineAction({
  schema: ledgerActions.submitQuarterly,
  access: 'user',
  idempotent: true,
  async load(input) {
    const unit = await findUnit(input.unitId);
    if (!unit) throw notFound('单位不存在');
    return unit;
  },
  authorize: (actor, input) => canSubmitQuarterly(actor, input),
  async handler(input, ctx, unit): Promise<QuarterlyView> {
    const now = ctx.now();
    assertQuarterNotFuture(input.year, input.quarter, now);
    const { table, submission } = await loadQuarterlyTable({ scopeType: 'unit', scopeId: unit._id, scopeName: unit.name }, input.year, input.quarter);
    if (submission) throw conflict(QUARTER_SUBMITTED);
    const byName = (await ctx.user())?.member?.name ?? '单位党组织管理员';
    const period = quarterKey(input.year, input.quarter);
    const stored = await insertSubmission({
      _id: submissionId(unit._id, period),
      scopeType: 'submission',
      scopeId: unit._id,
      period,
      unitName: unit.name,
      submittedBy: ctx.openid,
      submittedByName: byName,
      submittedAt: now,
      snapshot: table,
    });
    if (!stored) throw conflict(QUARTER_SUBMITTED);
    return { table, submission: { submittedAt: formatShanghaiMinute(now), submittedByName: byName }, canSubmit: false };
  },
});

export interface SubmissionRow {
  unitId: string;
  unitName: string;
  submitted: boolean;
  submittedAt: string | null;
}

/** The level above: every unit and whether it submitted the quarter (no figures). Three round trips. */
export const submissions = defineAction({
  schema: ledgerActions.submissions,
  access: 'user',
  authorize: (actor) => canViewSubmissions(actor),
  async handler(input, ctx): Promise<{ periodLabel: string; submittedCount: number; rows: SubmissionRow[] }> {
    assertQuarterNotFuture(input.year, input.quarter, ctx.now());
    const [units, done] = await Promise.all([listUnits(), listSubmissions(quarterKey(input.year, input.quarter))]);
    const byUnit = new Map(done.map((d) => [d.scopeId, d]));
    const rows = units.map((u) => {
      const s = byUnit.get(u._id);
      return { unitId: u._id, unitName: u.name, submitted: Boolean(s), submittedAt: s ? formatShanghaiMinute(s.submittedAt) : null };
    });
    // Those still to submit first: they are who the level above follows up.
    rows.sort((a, b) => Number(a.submitted) - Number(b.submitted));
    return { periodLabel: quarterLabel(input.year, input.quarter), submittedCount: done.length, rows };
  },
});
