import type { ActivityView, AttendanceView } from '../../../src/domain/activity.schema';
import { expectOk } from '../../helpers/local-platform';
import { HUBIN, at, gcjReading, northOf } from '../../integration/functions/checkin/checkin-fixtures';
import { requestId } from '../../fixtures/builders';
import { countDocs, givenMembers } from '../../fixtures/database';
import { STAFF } from '../../fixtures/personas';
import { exact, timing, type Scenario } from '../budget';
import { maxRoundTrips, measure } from '../harness';

/**
 * Check-in burst: members signed up for two activities all check in at once (1 000 check-ins by 500 members),
 * then one member's check-in is repeated 200 times at once: still one attendance record.
 */
const START = at('2025-06-01 09:00');

export const scenario: Scenario = {
  name: 'checkin',
  platform: { now: () => START },
  async run({ platform, quick }) {
    const members = Array.from({ length: quick ? 40 : 500 }, (_, i) => `bench-ci-${i}`);
    await givenMembers(platform, members);
    const activities = await Promise.all(
      [0, 1].map(async (n) =>
        expectOk(
          await platform.call<ActivityView>('checkin', STAFF, {
            action: 'publishActivity', communityId: HUBIN.id, title: `社区志愿服务${n + 1}`, type: 'volunteer',
            startAt: '2025-06-01 09:00', endAt: '2025-06-01 12:00', capacity: members.length, contact: '王主任', requestId: requestId('bench'),
          }),
        ),
      ),
    );
    const pairs = members.flatMap((m) => activities.map((a) => ({ m, a: a.id })));
    await measure(pairs.map(({ m, a }) => async () => { const r = await platform.call('checkin', m, { action: 'signUp', activityId: a }); return { value: expectOk(r), invocationId: r.invocationId }; }), 16);

    const reading = gcjReading(northOf(HUBIN, 120));
    const burst = await measure(
      pairs.map(({ m, a }) => async () => {
        const r = await platform.call<AttendanceView>('checkin', m, { action: 'checkIn', activityId: a, ...reading });
        return { value: r.body.ok, invocationId: r.invocationId };
      }),
      32,
    );
    const repeats = await Promise.all(Array.from({ length: 200 }, () => platform.call('checkin', members[0], { action: 'checkIn', activityId: activities[0].id, ...reading })));
    const records = await countDocs(platform, 'attendances', { openid: members[0], activityId: activities[0].id });
    const checkedIn = await countDocs(platform, 'attendances', { checkIn: { $ne: null } });
    return [
      exact('checkin.burst', 'check-ins acknowledged', burst.results.filter((r) => r.value).length, 'calls'),
      exact('checkin.burst', 'round trips (max)', await maxRoundTrips(platform, burst.results.map((r) => r.invocationId)), 'trips', 2),
      timing('checkin.burst', 'p50', burst.latency.p50),
      timing('checkin.burst', 'p95', burst.latency.p95),
      timing('checkin.burst', 'p99', burst.latency.p99),
      timing('checkin.burst', 'throughput', burst.latency.throughput, 'req/s'),
      exact('checkin.repeat', 'replies ok of 200', repeats.filter((r) => r.body.ok).length, 'calls'),
      exact('checkin.repeat', 'attendance records', records, 'docs', 1),
      exact('checkin.burst', 'members checked in − expected', checkedIn - pairs.length, 'docs', 0),
    ];
  },
};
