import { driftOf, recounted } from '../../../src/domain/stat-recount';
import { monthOf, monthsAhead, monthsBetween, nextMonth } from '../../../src/domain/stat-period';
import { parseShanghaiDate } from '../../../src/domain/shanghai-time';
import type { TimerContext } from '../../_shared/define-function';
import { COUNTER_FIELDS, counterId, sumCounters, TOTAL_PERIOD } from '../../../src/domain/stat-counters';
import { allCommunityCounters, countersOfMonth, ensureMonthDocs, setCounterFields, type CounterDoc } from '../../_shared/repositories/stat-counter.repository';
import { listCommunities } from '../../_shared/repositories/community.repository';
import { listUnits } from '../../_shared/repositories/unit.repository';
import { recountMonth } from '../../_shared/repositories/stat-recount.repository';

/** How far back the nightly run looks: late confirmations and corrections land within a quarter. */
const RECENT_MONTHS = 3;

const monthStart = (month: string) => parseShanghaiDate(`${month}-01`) as Date;
const minusMonths = (month: string, n: number) => {
  let [y, m] = month.split('-').map(Number);
  m -= n;
  while (m < 1) {
    m += 12;
    y -= 1;
  }
  return `${y}-${String(m).padStart(2, '0')}`;
};

/**
 * Timer (cloudbaserc.json: nightly): the statistics counters of the recent months recomputed from the records and
 * corrected where they drifted (a crash between a transition and its counter, a first write that raced another).
 * It first creates this and the coming month's documents of every community and unit, so that a transition's
 * counting is one update, never a first write (src/domain/stat-counters.ts).
 */
export async function reconcileStatCounters(ctx: TimerContext): Promise<{ checked: number; fixed: number; created: number }> {
  const current = monthOf(ctx.now());
  const [communities, units] = await Promise.all([listCommunities(), listUnits()]);
  const created = await ensureMonthDocs(
    [...communities.map((c) => ({ scopeType: 'community' as const, scopeId: c._id, name: c.name })), ...units.map((u) => ({ scopeType: 'unit' as const, scopeId: u._id }))],
    monthsAhead(ctx.now()),
  );
  let checked = 0;
  let fixed = 0;
  for (const month of monthsBetween(minusMonths(current, RECENT_MONTHS - 1), current)) {
    const [facts, stored] = await Promise.all([recountMonth(month, monthStart(month), monthStart(nextMonth(month))), countersOfMonth(month)]);
    const expected = recounted(facts);
    const byId = new Map(stored.map((d) => [d._id, d]));
    // A stored month with no facts at all should hold zeros in every reconciled field.
    for (const doc of stored) if (!expected.has(doc._id)) expected.set(doc._id, recounted([{ period: month, communityId: doc.scopeType === 'community' ? doc.scopeId : null, unitId: doc.scopeType === 'unit' ? doc.scopeId : null, values: {} }]).get(doc._id)!);
    for (const doc of expected.values()) {
      checked += 1;
      const known = byId.get(doc.id);
      const drift = driftOf(known, doc);
      if (Object.keys(drift).length === 0) continue;
      await setCounterFields(doc, known ? drift : doc.values, Boolean(known));
      fixed += 1;
    }
  }
  // The all-time totals (the wish wall's ledger) are the sums of their community's months.
  const docs = await allCommunityCounters();
  const months = new Map<string, CounterDoc[]>();
  const totals = new Map<string, CounterDoc>();
  for (const d of docs) {
    if (d.period === TOTAL_PERIOD) totals.set(d.scopeId, d);
    else months.set(d.scopeId, [...(months.get(d.scopeId) ?? []), d]);
  }
  for (const [communityId, list] of months) {
    checked += 1;
    const sum = sumCounters(list);
    const known = totals.get(communityId);
    const drift = Object.fromEntries(COUNTER_FIELDS.filter((f) => f !== 'participants' && Number(known?.[f] ?? 0) !== sum[f]).map((f) => [f, sum[f]]));
    if (Object.keys(drift).length === 0) continue;
    const name = list.find((d) => d.name)?.name;
    await setCounterFields({ id: counterId('community', communityId, TOTAL_PERIOD), scopeType: 'community', scopeId: communityId, period: TOTAL_PERIOD }, { ...drift, ...(name && !known ? { name } : {}) }, Boolean(known));
    fixed += 1;
  }
  return { checked, fixed, created };
}
