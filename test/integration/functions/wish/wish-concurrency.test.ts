import { sdkFor } from '../../../helpers/emulator-sdk';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { WallView } from '../../../../src/domain/wish.schema';
import { HUBIN, insertMembers, publishedWish } from './wish-fixtures';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ poolSize: 4, postLimits: { wish: 10_000 } });
}, 60_000);

afterAll(() => platform?.close());

describe('a claim rush', () => {
  it('500 members claiming 20 wishes at once: exactly 20 claims, one per wish, nobody over the limit', async () => {
    const members = Array.from({ length: 500 }, (_, i) => `rush-${String(i).padStart(3, '0')}`);
    await insertMembers(platform, members);
    const wishes = await Promise.all(Array.from({ length: 20 }, (_, i) => publishedWish(platform, { title: `抢单心愿${i + 1}` })));
    const ids = wishes.map((w) => w.id);

    const started = Date.now();
    // Each member goes for one wish, 25 members per wish, all at the same time.
    const results = await Promise.all(members.map((m, i) => platform.call('wish', m, { action: 'claim', wishId: ids[i % ids.length] })));
    const elapsed = Date.now() - started;

    const winners = results.filter((r) => r.body.ok);
    expect(winners).toHaveLength(20);
    const losers = results.filter((r) => !r.body.ok).map(errorOf);
    expect(losers).toHaveLength(480);
    expect(new Set(losers.map((e) => `${e.code} ${e.message}`))).toEqual(new Set(['CONFLICT 该心愿已被认领']));

    const db = sdkFor(platform.emulatorUrl).database();
    const { data: stored } = await db.collection('wishes').where({ _id: db.command.in(ids) }).get();
    expect(stored.every((w: any) => w.status === 'claimed' && w.history.filter((e: any) => e.event === 'claim').length === 1)).toBe(true);
    expect(new Set(stored.map((w: any) => w.claim.openid)).size).toBe(20);
    const { data: counters } = await db.collection('wish_claimants').where({ open: db.command.gt(0) }).limit(1000).get();
    expect(counters).toHaveLength(20);
    expect(counters.every((c: any) => c.open === 1)).toBe(true);

    const wall = expectOk(await platform.call<WallView>('wish', null, { action: 'wall', communityId: HUBIN }));
    expect(wall.items.filter((w) => ids.includes(w.id))).toHaveLength(0);
    console.log(`[wish] 500 claims on 20 wishes: ${elapsed} ms`);
  }, 60_000);

  it('one member firing many claims at once never holds more than the limit', async () => {
    await insertMembers(platform, ['greedy']);
    const wishes = await Promise.all(Array.from({ length: 8 }, () => publishedWish(platform)));
    const results = await Promise.all(wishes.map((w) => platform.call('wish', 'greedy', { action: 'claim', wishId: w.id })));
    expect(results.filter((r) => r.body.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.body.ok).map((r) => errorOf(r).code)).toEqual(Array(6).fill('FAILED_PRECONDITION'));
    const db = sdkFor(platform.emulatorUrl).database();
    const { data } = await db.collection('wishes').where({ 'claim.holderKey': 'm:greedy' }).get();
    expect(data).toHaveLength(2);
    const { data: counter } = await db.collection('wish_claimants').doc('m:greedy').get();
    expect(counter[0].open).toBe(2);
    // The wishes a raced claim was undone on are back on the wall.
    const wall = expectOk(await platform.call<WallView>('wish', null, { action: 'wall', communityId: HUBIN }));
    expect(wall.items.filter((w) => wishes.some((x) => x.id === w.id))).toHaveLength(6);
  }, 30_000);
});
