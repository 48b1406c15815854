import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { uploadPhoto } from '../../helpers/upload-photo';
import { aQuestion, aWishInput, requestId } from '../../fixtures/builders';
import { HUBIN, MEMBER, RESIDENT, STAFF, UNIT_ADMIN } from '../../fixtures/personas';

/**
 * Nobody learns anything about an object they may not see: not that it exists, not its state. Every refusal about
 * a hidden object reads exactly as the refusal about an id that never existed.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

const MISSING = 'wNoSuchWish000000000';

describe('a wish that is not public answers others as a missing one', () => {
  let pending: string;
  let withdrawn: string;
  let photo: string;

  beforeAll(async () => {
    pending = expectOk(await platform.call('wish', RESIDENT, { action: 'post', ...aWishInput({ title: '待审核的心愿' }) })).id;
    withdrawn = expectOk(await platform.call('wish', RESIDENT, { action: 'post', ...aWishInput({ title: '已撤回的心愿' }) })).id;
    expectOk(await platform.call('wish', RESIDENT, { action: 'move', wishId: withdrawn, event: 'withdraw', reason: '不需要了' }));
    photo = await uploadPhoto(platform, MEMBER);
  });

  const probes: [string, (wishId: string) => Record<string, unknown>][] = [
    ['detail', (wishId) => ({ action: 'detail', wishId })],
    ['claim', (wishId) => ({ action: 'claim', wishId })],
    ['cancel', (wishId) => ({ action: 'move', wishId, event: 'cancel', reason: '临时有事' })],
    ['confirm', (wishId) => ({ action: 'move', wishId, event: 'confirm' })],
    ['deliver', (wishId) => ({ action: 'deliver', wishId, photos: [photo], note: '已送达' })],
  ];

  it.each(probes)('%s', async (_name, payload) => {
    for (const viewer of [MEMBER, UNIT_ADMIN, null]) {
      const missing = errorOf(await platform.call('wish', viewer, payload(MISSING)));
      for (const hidden of [pending, withdrawn]) {
        expect(errorOf(await platform.call('wish', viewer, payload(hidden)))).toEqual(missing);
      }
    }
  });
});

it('a private question answers others as a missing one', async () => {
  const id = expectOk(await platform.call('qa', RESIDENT, aQuestion())).id;
  for (const viewer of [MEMBER, null]) {
    expect(errorOf(await platform.call('qa', viewer, { action: 'get', id }))).toEqual(errorOf(await platform.call('qa', viewer, { action: 'get', id: 'qNoSuchQuestion00000' })));
  }
});

it("a notice's edit history is for staff; the public sees the current text", async () => {
  const published = expectOk(await platform.call('notice', STAFF, { action: 'publish', communityId: HUBIN.id, category: '通知公告', title: '停水通知', body: '原来的错别字版本', requestId: requestId('ntc') }));
  expectOk(await platform.call('notice', STAFF, { action: 'edit', id: published.id, version: published.version, category: '通知公告', title: '停水通知', body: '改正后的版本' }));
  expect(expectOk(await platform.call('notice', STAFF, { action: 'get', id: published.id })).history).toHaveLength(1);
  for (const viewer of [RESIDENT, null]) {
    const seen = expectOk(await platform.call('notice', viewer, { action: 'get', id: published.id }));
    expect(seen.body).toBe('改正后的版本');
    expect(seen.history).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('原来的错别字版本');
  }
});
