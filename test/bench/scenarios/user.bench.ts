import { expectOk } from '../../helpers/local-platform';
import { MEMBER } from '../../fixtures/personas';
import { exact, timing, type Scenario } from '../budget';
import { maxRoundTrips, measure } from '../harness';

/** The shell's reads: who am I (every page load) and the community chooser. */
export const scenario: Scenario = {
  name: 'user',
  async run({ platform, quick }) {
    const n = quick ? 20 : 300;
    const me = await measure(
      Array.from({ length: n }, () => async () => {
        const r = await platform.call('user', MEMBER, { action: 'me' });
        return { value: expectOk(r), invocationId: r.invocationId };
      }),
      8,
    );
    const list = await measure(
      Array.from({ length: n }, () => async () => {
        const r = await platform.call('user', null, { action: 'listCommunities', latitude: 28.68, longitude: 115.9 });
        return { value: expectOk(r), invocationId: r.invocationId };
      }),
      8,
    );
    return [
      // Three reads, two deep: whether the caller leads an organisation (党组织工作, issue 17) is read beside the
      // caller's record, then the community; the latency is that of two.
      exact('user.me', 'round trips', await maxRoundTrips(platform, me.results.map((r) => r.invocationId)), 'trips', 3),
      timing('user.me', 'p50', me.latency.p50),
      timing('user.me', 'p95', me.latency.p95),
      timing('user.me', 'p99', me.latency.p99),
      timing('user.me', 'throughput', me.latency.throughput, 'req/s'),
      exact('user.listCommunities', 'round trips', await maxRoundTrips(platform, list.results.map((r) => r.invocationId)), 'trips', 1),
      timing('user.listCommunities', 'p95', list.latency.p95),
    ];
  },
};
