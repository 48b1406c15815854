import { counterId } from '../../../src/domain/stat-counters';
import { monthOf, quarterOf } from '../../../src/domain/stat-period';
import { expectOk } from '../../helpers/local-platform';
import { exact, timing, type Figure, type Scenario } from '../budget';
import { insertDocs } from '../../fixtures/database';
import { CITY_ORGAN, HUBIN, STAFF, STREET_STAFF, UNIT_ADMIN } from '../../fixtures/personas';
import { maxRoundTrips, measure } from '../harness';

/**
 * The 统计表, the 报送 list and the dashboard at 1 000 and 100 000 counter documents (200 communities and 300 units
 * over years of months: a district's history), each table's round trips and its time at 100 000 ÷ at 1 000.
 */
const RATIO_BUDGET = 1.5;
const SCOPES = 500;

function bulkCounter(i: number) {
  const community = i % SCOPES < 200;
  const scopeId = community ? `c-bench-${i % SCOPES}` : `u-bench-${i % SCOPES}`;
  // Months back from 2000-01, each scope's documents distinct: i / SCOPES months after the start.
  const k = Math.floor(i / SCOPES);
  const period = `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  const scopeType = community ? 'community' : 'unit';
  return { _id: counterId(scopeType, scopeId, period), scopeType, scopeId, period, wishClosed: i % 7, qReceived: i % 5, serviceTenths: i % 40 };
}

export const scenario: Scenario = {
  name: 'stats',
  async run({ platform, quick }) {
    const figures: Figure[] = [];
    const now = new Date();
    const { year, quarter } = quarterOf(now);
    const month = monthOf(now);
    const tables = {
      'stats.quarterly(unit)': [UNIT_ADMIN, { action: 'quarterly', scopeType: 'unit', scopeId: CITY_ORGAN.id, year, quarter }],
      'stats.quarterly(community)': [STAFF, { action: 'quarterly', scopeType: 'community', scopeId: HUBIN.id, year, quarter }],
      'stats.submissions': [STREET_STAFF, { action: 'submissions', year, quarter }],
      'stats.dashboard': [STREET_STAFF, { action: 'dashboard', from: month, to: month, streetId: HUBIN.streetId }],
    } as const;
    const p50 = new Map<string, number>();
    let loaded = 0;
    for (const scale of quick ? [1_000] : [1_000, 100_000]) {
      await insertDocs(platform, 'stat_counters', Array.from({ length: scale - loaded }, (_, j) => bulkCounter(loaded + j)), 5_000);
      loaded = scale;
      const runs = quick ? 3 : 20;
      for (const [name, [openid, payload]] of Object.entries(tables)) {
        const m = await measure(
          Array.from({ length: runs }, () => async () => {
            const r = await platform.call('ledger', openid, payload as Record<string, unknown>);
            return { value: expectOk(r), invocationId: r.invocationId };
          }),
          4,
        );
        figures.push(
          exact(`${name}@${scale}`, 'round trips (max)', await maxRoundTrips(platform, m.results.map((r) => r.invocationId)), 'trips', 3),
          timing(`${name}@${scale}`, 'p50', m.latency.p50),
        );
        if (scale === 1_000) p50.set(name, m.latency.p50);
        else figures.push({ ...timing(name, 'p50 at 100 000 ÷ at 1 000', Math.round((m.latency.p50 / Math.max(0.1, p50.get(name) ?? 1)) * 100) / 100, '×'), budget: RATIO_BUDGET });
      }
    }
    return figures;
  },
};
