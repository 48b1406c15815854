import { expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { sdkFor } from '../../../helpers/emulator-sdk';
import { insertMembers, publishedWish, storedCounter } from './wish-fixtures';

/** Open-claim counters are reconciled from the wishes: a counter left off by a crash is put right by the timer. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ postLimits: { wish: 10_000 } });
  await insertMembers(platform, ['rc-a', 'rc-b', 'rc-c']);
}, 60_000);

afterAll(() => platform?.close());

it('corrects counters that are too low, too high or missing, and leaves right ones alone', async () => {
  const [w1, w2, w3] = await Promise.all([publishedWish(platform), publishedWish(platform), publishedWish(platform)]);
  expectOk(await platform.call('wish', 'rc-a', { action: 'claim', wishId: w1.id }));
  expectOk(await platform.call('wish', 'rc-a', { action: 'claim', wishId: w2.id }));
  expectOk(await platform.call('wish', 'rc-b', { action: 'claim', wishId: w3.id }));
  const counters = sdkFor(platform.emulatorUrl).database().collection('wish_claimants');
  // What a SIGKILL between the two writes of a claim (or of a delivery) leaves behind:
  await counters.doc('m:rc-a').update({ open: 1 });
  await counters.doc('m:rc-b').remove();
  await counters.add({ _id: 'm:rc-c', holderId: 'rc-c', open: 2, campaigns: {} });

  const result = (await platform.fireTimer('wish', 'reconcileClaimCounters')) as { ok: boolean; data: { fixed: number } };
  expect(result).toEqual({ ok: true, data: { checked: 3, fixed: 3 } });
  expect((await storedCounter(platform, 'm:rc-a'))?.open).toBe(2);
  expect((await storedCounter(platform, 'm:rc-b'))?.open).toBe(1);
  expect((await storedCounter(platform, 'm:rc-c'))?.open).toBe(0);

  const again = (await platform.fireTimer('wish', 'reconcileClaimCounters')) as { data: { fixed: number } };
  expect(again.data.fixed).toBe(0);
});
