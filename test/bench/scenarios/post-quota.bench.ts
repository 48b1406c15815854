import { DEFAULT_DAILY_POST_LIMITS } from '../../../src/domain/post-limits';
import { expectOk } from '../../helpers/local-platform';
import { aQuestion } from '../../fixtures/builders';
import { givenMembers } from '../../fixtures/database';
import { ADMIN } from '../../fixtures/personas';
import { exact, type Scenario } from '../budget';

/**
 * The daily posting limit (issue 13 item 5): one person posts questions up to the admin's limit. The quota is one
 * conditional increment of the person's counter for the day, so every post after the day's first costs the same
 * round trips however many came before, and the one past the limit is refused.
 */
const LIMIT = 30;
/** qa.ask's round trips after the day's first: caller, quota, question, and the side writes it had before the limit. */
const ASK_BUDGET = 5;

export const scenario: Scenario = {
  name: 'post-quota',
  platform: { now: () => new Date('2026-03-02T09:00:00+08:00') },
  async run({ platform }) {
    const poster = 'bench-pq-poster';
    await givenMembers(platform, [poster]);
    // Set before any qa instance reads the settings (each instance caches them for a minute).
    expectOk(await platform.call('user', ADMIN, { action: 'setPostLimits', ...DEFAULT_DAILY_POST_LIMITS, question: LIMIT }));
    const trips: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const r = await platform.call('qa', poster, aQuestion({ title: `限额测试问题${i + 1}` }));
      expectOk(r);
      trips.push(await platform.roundTrips(r.invocationId));
    }
    const refused = await platform.call('qa', poster, aQuestion({ title: '超出限额的问题' }));
    const later = trips.slice(1);
    return [
      exact('post-quota.ask', 'round trips, 2nd…last post of the day (max)', Math.max(...later), 'trips', ASK_BUDGET),
      exact('post-quota.ask', 'round trips growth over the day (max − min)', Math.max(...later) - Math.min(...later), 'trips', 0),
      exact('post-quota.ask', 'accepted posts past the limit', refused.body.ok ? 1 : 0, 'calls', 0),
    ];
  },
};
