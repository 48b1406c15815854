import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { aWish } from '../../fixtures/builders';
import { insertDocs, storedDoc } from '../../fixtures/database';
import { MEMBER, STAFF } from '../../fixtures/personas';
import { MEMBER_OPEN_CLAIMS_LIMIT } from '../../../src/domain/wish-rules';

/**
 * Claiming shows the beneficiary's phone, so claim-and-cancel must not be a way to collect phones: a cancelled
 * claim keeps its open-claim slot for 7 days, and every reveal is recorded on the wish for staff to see.
 */
let platform: TestPlatform;
let clock = new Date('2026-03-02T09:00:00+08:00');
const DAY = 24 * 3600 * 1000;
const wishes = Array.from({ length: MEMBER_OPEN_CLAIMS_LIMIT + 5 }, (_, i) =>
  aWish({ _id: `wHarvest${String(i).padStart(4, '0')}`, beneficiary: { name: `心愿人${i}`, phone: `1370000${String(i).padStart(4, '0')}` } }),
);

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await insertDocs(platform, 'wishes', wishes);
}, 60_000);

afterAll(() => platform?.close());

it('claim-and-cancel yields at most the open-claim limit of contacts per 7 days, and staff see each reveal', async () => {
  const phones = new Set<string>();
  const refusals: string[] = [];
  for (const wish of wishes) {
    const claimed = await platform.call('wish', MEMBER, { action: 'claim', wishId: wish._id });
    if (!claimed.body.ok) {
      refusals.push(claimed.body.error.code);
      continue;
    }
    if (claimed.body.data.contact) phones.add(claimed.body.data.contact.phone);
    expectOk(await platform.call('wish', MEMBER, { action: 'move', wishId: wish._id, event: 'cancel', reason: '临时有事' }));
  }
  expect(phones.size).toBe(MEMBER_OPEN_CLAIMS_LIMIT);
  expect(refusals).toEqual(Array(wishes.length - MEMBER_OPEN_CLAIMS_LIMIT).fill('FAILED_PRECONDITION'));

  const first = wishes[0]._id;
  const staffView = expectOk(await platform.call('wish', STAFF, { action: 'detail', wishId: first }));
  expect(staffView.contactReveals).toEqual([{ by: expect.any(String), at: clock.toISOString() }]);
  expect(expectOk(await platform.call('wish', MEMBER, { action: 'detail', wishId: first })).contactReveals).toBeNull();
  expect((await storedDoc<{ contactReveals: { openid: string }[] }>(platform, 'wishes', first))?.contactReveals).toEqual([expect.objectContaining({ openid: MEMBER })]);

  // A refused claim reveals nothing and records nothing.
  const refused = wishes.at(-1)!._id;
  expect(errorOf(await platform.call('wish', MEMBER, { action: 'claim', wishId: refused })).code).toBe('FAILED_PRECONDITION');
  expect((await storedDoc<{ contactReveals?: unknown[] }>(platform, 'wishes', refused))?.contactReveals ?? []).toEqual([]);

  // Seven days on, the held slots are given back.
  clock = new Date(clock.getTime() + 7 * DAY + 1000);
  const again = expectOk(await platform.call('wish', MEMBER, { action: 'claim', wishId: refused }));
  expect(again.contact?.phone).toBe(wishes.at(-1)!.beneficiary.phone);
  expect((await storedDoc<{ open: number }>(platform, 'wish_claimants', `m:${MEMBER}`))?.open).toBe(1);
}, 120_000);
