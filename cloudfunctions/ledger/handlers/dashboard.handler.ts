import { dashboardTable, type MonthTrend } from '../../../src/domain/dashboard-table';
import type { LedgerTable } from '../../../src/domain/ledger-table';
import { canViewDashboard } from '../../../src/domain/ledger.policy';
import { ledgerActions } from '../../../src/domain/ledger.schema';
import { COUNTER_FIELDS, type CounterValues } from '../../../src/domain/stat-counters';
import { assertMonthRange } from '../../../src/domain/stat-period';
import { defineAction } from '../../_shared/define-function';
import { listCommunities, listCommunitiesOfStreet } from '../../_shared/repositories/community.repository';
import { readCounters } from '../../_shared/repositories/stat-counter.repository';

export interface DashboardView {
  table: LedgerTable;
  trend: MonthTrend[];
}

const valuesOf = (doc: CounterValues): CounterValues => Object.fromEntries(COUNTER_FIELDS.map((f) => [f, Number(doc[f] ?? 0)]));

/**
 * The street / district dashboard: per community of the street (or of the district for an admin without a street),
 * over at most 12 months. Three round trips whatever the history: the caller, the communities, their month counters.
 */
export const dashboard = defineAction({
  schema: ledgerActions.dashboard,
  access: 'user',
  authorize: (actor, input) => canViewDashboard(actor, input),
  async handler(input, ctx): Promise<DashboardView> {
    const months = assertMonthRange(input.from, input.to, ctx.now());
    const communities = input.streetId ? await listCommunitiesOfStreet(input.streetId) : await listCommunities();
    communities.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    const docs = await readCounters(
      'community',
      communities.map((c) => c._id),
      months,
    );
    const scopeName = input.streetId ? (communities[0]?.street ?? '本街道') : '全区';
    return dashboardTable({
      scopeName,
      periodLabel: months.length === 1 ? months[0] : `${input.from} 至 ${input.to}`,
      communities: communities.map((c) => ({ id: c._id, name: c.name })),
      counters: docs.map((d) => ({ scopeId: d.scopeId, period: d.period, values: valuesOf(d) })),
      months,
    });
  },
});
