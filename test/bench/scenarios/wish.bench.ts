import type { WallView } from '../../../src/domain/wish.schema';
import { expectOk } from '../../helpers/local-platform';
import { HUBIN, insertMembers, publishedWish, storedCounter, storedWish } from '../../integration/functions/wish/wish-fixtures';
import { exact, timing, type Scenario } from '../budget';
import { bulkInsert, maxRoundTrips, measure } from '../harness';

/**
 * Claim race (500 members on 20 wishes at once: exactly 20 win, no wish has two claimants, nobody over the limit)
 * and the wall's first page at 1 000 and 100 000 wishes (spread over 200 communities).
 */
const STATUSES = ['closed', 'closed', 'claimed', 'fulfilled', 'published'] as const;

function bulkWish(i: number) {
  const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000);
  const status = STATUSES[i % STATUSES.length];
  return {
    _id: `bench-w-${i}`, title: `心愿${i}`, story: '批量数据', category: '学习用品', beneficiaryType: '留守儿童', value: 100, photos: [],
    // Spread over 200 communities, as a city's wishes would be; 湖滨社区 gets its share.
    communityId: i % 200 === 0 ? HUBIN : `c-bench-${i % 200}`, communityName: '社区', streetId: 'st-x', posterOpenid: 'bulk', onBehalf: false,
    beneficiary: { name: '张三', phone: '13800000000' }, status, version: 1, publishAt: at, createdAt: at, closedAt: status === 'closed' ? at : null,
    contentFlag: null, rejectReason: null, campaign: null, claim: null, proposal: null, delivery: null,
    ledger: { posted: 1, claimed: status === 'published' ? 0 : 1, closed: status === 'closed' ? 1 : 0, closedOnTime: status === 'closed' ? 1 : 0 }, history: [],
  };
}

export const scenario: Scenario = {
  name: 'wish',
  async run({ platform, quick }) {
    const figures = [];
    const members = Array.from({ length: quick ? 100 : 500 }, (_, i) => `bench-claimer-${i}`);
    await insertMembers(platform, members);
    const wishes = await Promise.all(Array.from({ length: 20 }, (_, i) => publishedWish(platform, { title: `竞争心愿${i}` })));
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
      exact('wish.claimRace', 'round trips (max)', await maxRoundTrips(platform, race.results.map((r) => r.invocationId)), 'trips', 3),
      timing('wish.claimRace', 'p50', race.latency.p50),
      timing('wish.claimRace', 'p99', race.latency.p99),
    );

    let loaded = 0;
    for (const scale of quick ? [1_000] : [1_000, 100_000]) {
      await bulkInsert(platform, 'wishes', Array.from({ length: scale - loaded }, (_, j) => bulkWish(loaded + j)), 5_000);
      loaded = scale;
      const wall = await measure(
        Array.from({ length: quick ? 3 : 20 }, () => async () => {
          const r = await platform.call<WallView>('wish', null, { action: 'wall', communityId: HUBIN });
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

