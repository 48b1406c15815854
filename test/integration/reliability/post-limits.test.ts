import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { aQuestion, aWishInput } from '../../fixtures/builders';
import { givenMembers, insertDocs } from '../../fixtures/database';

// The admin's setting (the `app_settings` document the functions read), lower than the defaults to keep the test short.
const LIMITS = { wish: 4, question: 3 };

/** One person cannot flood a community: per kind and day, a limit no real resident reaches, refused as RATE_LIMITED. */
let platform: TestPlatform;
let clock = new Date('2026-03-02T09:00:00+08:00');
const FLOODER = 'flooding-resident';

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await givenMembers(platform, [FLOODER]);
  await insertDocs(platform, 'app_settings', [{ _id: 'post-limits', limits: LIMITS }]);
}, 60_000);

afterAll(() => platform?.close());

it('refuses the wish and question past the daily limit with when to try again, at one round trip', async () => {
  const trips: number[] = [];
  for (let i = 0; i < LIMITS.question; i++) {
    const asked = await platform.call('qa', FLOODER, aQuestion({ title: `问题第${i + 1}个` }));
    expectOk(asked);
    trips.push(await platform.roundTrips(asked.invocationId));
  }
  const refused = errorOf(await platform.call('qa', FLOODER, aQuestion()));
  expect(refused).toEqual({ code: 'RATE_LIMITED', message: `今天提交的问题已达上限（${LIMITS.question} 条），请明天再试` });
  // The limit costs one round trip on every post after the day's first (which creates the counter).
  expect(Math.max(...trips.slice(1))).toBeLessThanOrEqual(Math.min(...trips.slice(1)));

  for (let i = 0; i < LIMITS.wish; i++) expectOk(await platform.call('wish', FLOODER, { action: 'post', ...aWishInput({ title: `心愿第${i + 1}个` }) }));
  expect(errorOf(await platform.call('wish', FLOODER, { action: 'post', ...aWishInput() }))).toEqual({
    code: 'RATE_LIMITED',
    message: `今天提交的心愿已达上限（${LIMITS.wish} 条），请明天再试`,
  });

  // The next Shanghai day starts afresh.
  clock = new Date('2026-03-03T00:00:30+08:00');
  expectOk(await platform.call('qa', FLOODER, aQuestion()));
}, 120_000);
