import type { WallView } from '../../../src/domain/wish.schema';
import { expectOk } from '../../helpers/local-platform';
import { publishedWish, storedCounter, storedWish } from '../../integration/functions/wish/wish-fixtures';
import { aWish } from '../../fixtures/builders';
import { givenMembers, insertDocs } from '../../fixtures/database';
import { HUBIN } from '../../fixtures/personas';
import { exact, timing, type Scenario } from '../budget';
import { maxRoundTrips, measure } from '../harness';

/**
 * Claim race (500 members on 20 wishes at once: exactly 20 win, no wish has two claimants, nobody over the limit)
 * and the wall's first page at 1 000 and 100 000 wishes (spread over 200 communities).
 */
const STATUSES = ['closed', 'closed', 'claimed', 'fulfilled', 'published'] as const;

function bulkWish(i: number) {
  // Spread over 200 communities, as a city's wishes would be; 湖滨社区 gets its share.
  const home = i % 200 === 0;
  return aWish({
    _id: `bench-w-${i}`, title: `心愿${i}`, status: STATUSES[i % STATUSES.length], publishAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    communityId: home ? HUBIN.id : `c-bench-${i % 200}`, communityName: home ? HUBIN.name : `社区${i % 200}`,
    // As the wall's figures were first measured: no claim or delivery sub-documents (see wish-scale.test.ts).
    claim: null, delivery: null,
  });
}

export const scenario: Scenario = {
  name: 'wish',
  async run({ platform, quick }) {
    const figures = [];
    const members = Array.from({ length: quick ? 100 : 500 }, (_, i) => `bench-claimer-${i}`);
    await givenMembers(platform, members);
    const wishes = await Promise.all(Array.from({ length: 20 }, (_, i) => publishedWish(platform, { title: `竞争心愿${i}` })));
    await platform.fireTimer('ledger', 'reconcileStatCounters');
    const race = await measure(
      members.map((m, i) => async () => {
        const r = await platform.call('wish', m, { action: 'claim', wishId: wishes[i % wishes.length].id });
        return { value: r.body.ok ? 'won' : r.body.error.code, invocationId: r.invocationId };
      }),
      members.length,
    );
    const stored = await Promise.all(wishes.map((w) => storedWish(platform, w.id)));
    const counters = await Promise.all(members.map((m) => storedCounter(platform, `m:${m}`)));
    const twoClaimants = stored.filter((w) => (w?.history ?? []).filter((e: { event: string }) => e.event === 'claim').length > 1).length;
    figures.push(
      exact('wish.claimRace', 'claims won', race.results.filter((r) => r.value === 'won').length, 'claims'),
      exact('wish.claimRace', 'claims won − wishes', race.results.filter((r) => r.value === 'won').length - wishes.length, 'claims', 0),
      exact('wish.claimRace', 'losers not CONFLICT', race.results.filter((r) => r.value !== 'won' && r.value !== 'CONFLICT').length, 'calls', 0),
      exact('wish.claimRace', 'wishes with two claimants', twoClaimants, 'wishes', 0),
      exact('wish.claimRace', 'members over the limit', counters.filter((c) => (c?.open ?? 0) > 2).length, 'members', 0),
      // Three sequential round trips: the claimer, the take, then the slot and the statistics counters together
      // (four database calls; the timer made the month's counter documents before the race).
      exact('wish.claimRace', 'round trips (max)', await maxRoundTrips(platform, race.results.map((r) => r.invocationId)), 'trips', 4),
      timing('wish.claimRace', 'p50', race.latency.p50),
      timing('wish.claimRace', 'p99', race.latency.p99),
    );

    let loaded = 0;
    for (const scale of quick ? [1_000] : [1_000, 100_000]) {
      await insertDocs(platform, 'wishes', Array.from({ length: scale - loaded }, (_, j) => bulkWish(loaded + j)), 5_000);
      loaded = scale;
      const wall = await measure(
        Array.from({ length: quick ? 3 : 20 }, () => async () => {
          const r = await platform.call<WallView>('wish', null, { action: 'wall', communityId: HUBIN.id });
          return { value: expectOk(r).items.length, invocationId: r.invocationId };
        }),
        4,
      );
      figures.push(
        exact(`wish.wall@${scale}`, 'round trips (max)', await maxRoundTrips(platform, wall.results.map((r) => r.invocationId)), 'trips', 2),
        timing(`wish.wall@${scale}`, 'p50', wall.latency.p50),
        timing(`wish.wall@${scale}`, 'p95', wall.latency.p95),
      );
    }
    return figures;
  },
};

