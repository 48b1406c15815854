import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { MyWishesView, WallView, WishCardView, WishDetailView } from '../../../../src/domain/wish.schema';
import { BENEFICIARY_PHONE, HUBIN, LEAGUE, MEMBER, RESIDENT, STAFF, UNIT_ADMIN, insertMembers, publishedWish, requestId, storedWish, wishInput } from './wish-fixtures';
import { uploadPhoto } from '../../../helpers/upload-photo';
import { mediaChecksSettled } from '../../../helpers/media-checks';
import { localTemplateId } from '../../../../src/domain/notice-templates';
import { storedDoc } from '../../../fixtures/database';

let platform: TestPlatform;
let clock = new Date('2025-05-20T10:00:00+08:00');
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await insertMembers(platform, ['m-second', 'm-third', 'm-limit', 'm-revoked']);
}, 60_000);

afterAll(() => platform?.close());

const countWishes = async () =>
  ((await platform.emulator.database.handle('database.calculateDocument', { collectionName: 'wishes', query: '{}', queryType: 'WHERE' })) as { data: { total: number } }).data.total;

const call = <T = WishDetailView>(openid: string | null, payload: Record<string, unknown>) => platform.call<T>('wish', openid, payload);

describe('the whole way: post → review → wall → claim → deliver → confirm → 公示', () => {
  it('keeps the beneficiary masked in public and shows the contact only to the claimant', async () => {
    // The resident allows only the 送达 notice when posting (取消 for 审核结果), as the app's dialog offers both.
    await platform.grantSubscription(RESIDENT, 'wishDelivered');
    const posted = expectOk(await call(RESIDENT, { action: 'post', ...wishInput({ title: '一辆儿童自行车' }) }));
    expect(posted).toMatchObject({ status: 'submitted', relations: ['poster'], actions: ['withdraw'] });

    const wallBefore = expectOk(await call<WallView>(null, { action: 'wall', communityId: HUBIN }));
    expect(wallBefore.items.map((w) => w.id)).not.toContain(posted.id);

    const published = expectOk(await call(STAFF, { action: 'review', wishId: posted.id, decision: 'approve' }));
    expect(published.status).toBe('published');
    expect(platform.emulator.wx.outbox().filter((m) => m.touser === RESIDENT && m.page === `pages/wish-detail/index?id=${posted.id}`)).toEqual([]);

    const wall = expectOk(await call<WallView>(null, { action: 'wall', communityId: HUBIN }));
    const card = wall.items.find((w) => w.id === posted.id) as WishCardView;
    expect(card).toMatchObject({ title: '一辆儿童自行车', beneficiaryName: '张**', communityName: '湖滨社区' });
    expect(JSON.stringify(wall)).not.toContain(BENEFICIARY_PHONE);
    expect(JSON.stringify(wall)).not.toContain('张小花');

    const before = expectOk(await call(MEMBER, { action: 'detail', wishId: posted.id }));
    expect(before.contact).toBeNull();
    expect(before.actions).toEqual(['claim']);

    const claimed = expectOk(await call(MEMBER, { action: 'claim', wishId: posted.id }));
    expect(claimed).toMatchObject({ status: 'claimed', contact: { name: '张小花', phone: BENEFICIARY_PHONE }, helper: '李**' });
    expect(claimed.actions).toEqual(['cancel', 'deliver']);

    const second = errorOf(await call('m-second', { action: 'claim', wishId: posted.id }));
    expect(second).toMatchObject({ code: 'CONFLICT', message: '该心愿已被认领' });
    const other = expectOk(await call('m-second', { action: 'detail', wishId: posted.id }));
    expect(other.contact).toBeNull();
    expect(JSON.stringify(other)).not.toContain(BENEFICIARY_PHONE);
    expect(expectOk(await call<WallView>(null, { action: 'wall', communityId: HUBIN })).items.map((w) => w.id)).not.toContain(posted.id);

    const photo = await uploadPhoto(platform, MEMBER);
    const delivered = expectOk(await call(MEMBER, { action: 'deliver', wishId: posted.id, photos: [photo], note: '已送到家中' }));
    expect(delivered.status).toBe('fulfilled');
    const notices = platform.emulator.wx.outbox().filter((m) => m.touser === RESIDENT && m.page === `pages/wish-detail/index?id=${posted.id}`);
    expect(notices.map((m) => m.template_id)).toEqual([localTemplateId('wishDelivered')]);
    expect(notices[0].data.thing1.value).toBe('一辆儿童自行车');

    const closed = expectOk(await call(RESIDENT, { action: 'move', wishId: posted.id, event: 'confirm' }));
    expect(closed.status).toBe('closed');
    expect(closed.history.map((e) => `${e.from ?? '∅'}→${e.to}`)).toEqual(['∅→submitted', 'submitted→published', 'published→claimed', 'claimed→fulfilled', 'fulfilled→closed']);

    // The delivery photo is public only once WeChat's image check passed it.
    await mediaChecksSettled(platform);
    const publicity = expectOk(await call<{ items: WishCardView[] }>(null, { action: 'publicity', communityId: HUBIN }));
    const shown = publicity.items.find((w) => w.id === posted.id) as WishCardView;
    expect(shown).toMatchObject({ helper: '李**', beneficiaryName: '张**', status: 'closed' });
    expect(shown.deliveryPhotoUrls).toHaveLength(1);
    expect(JSON.stringify(publicity)).not.toContain(BENEFICIARY_PHONE);

    const ledger = expectOk(await call<WallView>(null, { action: 'wall', communityId: HUBIN })).ledger[0];
    expect(ledger).toMatchObject({ communityId: HUBIN, communityName: '湖滨社区' });
    expect(ledger.closed).toBeGreaterThanOrEqual(1);
    expect(ledger.closedOnTime).toBeGreaterThanOrEqual(1);
    expect(ledger.posted).toBeGreaterThanOrEqual(ledger.claimed);
  });

  it('lets a unit claim as a group, shown by the unit name', async () => {
    const wish = await publishedWish(platform, { title: '慰问空巢老人' });
    const claimed = expectOk(await call(UNIT_ADMIN, { action: 'claim', wishId: wish.id, asUnit: true }));
    expect(claimed).toMatchObject({ status: 'claimed', helper: '南昌市直机关工委', relations: expect.arrayContaining(['claimant']) });
    const mine = expectOk(await call<MyWishesView>(UNIT_ADMIN, { action: 'mine' }));
    expect(mine.claims.map((w) => w.id)).toContain(wish.id);
  });
});

describe('round-trip budgets', () => {
  // A claim: the claimer, the conditional take, then together the open-claims slot and the statistics counters (one
  // update for the community's month and total and the unit's month, src/domain/stat-counters.ts): three sequential
  // round trips, four database calls. A lost claim counts nothing.
  it('a claim costs 3 sequential round trips (4 database calls, 3 when lost), and the wall 2', async () => {
    // The nightly timer makes the month's statistics documents ahead, so a claim never pays for a first write.
    await platform.fireTimer('ledger', 'reconcileStatCounters');
    const wish = await publishedWish(platform);
    await insertMembers(platform, ['m-budget']);
    const claim = await call('m-budget', { action: 'claim', wishId: wish.id });
    expectOk(claim);
    expect(await platform.roundTrips(claim.invocationId)).toBeLessThanOrEqual(4);
    const second = await call('m-budget', { action: 'claim', wishId: (await publishedWish(platform)).id });
    expectOk(second);
    expect(await platform.roundTrips(second.invocationId)).toBeLessThanOrEqual(4);
    const lost = await call('m-second', { action: 'claim', wishId: wish.id });
    expect(errorOf(lost).code).toBe('CONFLICT');
    expect(await platform.roundTrips(lost.invocationId)).toBeLessThanOrEqual(3);

    const wall = await call(null, { action: 'wall' });
    expectOk(wall);
    expect(await platform.roundTrips(wall.invocationId)).toBeLessThanOrEqual(2);
    const filtered = await call(null, { action: 'wall', communityId: HUBIN, category: '学习用品', beneficiaryType: '留守儿童' });
    expectOk(filtered);
    expect(await platform.roundTrips(filtered.invocationId)).toBeLessThanOrEqual(2);
  });
});

describe('the claim limit', () => {
  it('refuses a third open claim, and frees a slot once one is delivered', async () => {
    const [a, b, c] = [await publishedWish(platform), await publishedWish(platform), await publishedWish(platform)];
    expectOk(await call('m-limit', { action: 'claim', wishId: a.id }));
    expectOk(await call('m-limit', { action: 'claim', wishId: b.id }));
    const third = errorOf(await call('m-limit', { action: 'claim', wishId: c.id }));
    expect(third).toMatchObject({ code: 'FAILED_PRECONDITION', message: '您已有 2 个未完成的认领，请先送达后再认领' });
    expect((await storedWish(platform, c.id))?.status).toBe('published');

    const photo = await uploadPhoto(platform, 'm-limit');
    expectOk(await call('m-limit', { action: 'deliver', wishId: a.id, photos: [photo], note: '送到了' }));
    expectOk(await call('m-limit', { action: 'claim', wishId: c.id }));
  });
});

describe('deadline: reminder at day 7, release after day 15', () => {
  it('reminds once through the outbox, refuses an early release, then releases back to the wall', async () => {
    await insertMembers(platform, ['m-slow']);
    const wish = await publishedWish(platform, { title: '修理旧轮椅' });
    await platform.grantSubscription('m-slow', 'wishClaimReminder', 'wishClaimEnded');
    expectOk(await call('m-slow', { action: 'claim', wishId: wish.id }));
    const start = clock;
    try {
      clock = new Date(start.getTime() + 7 * DAY + 60_000);
      await platform.fireTimer('wish', 'wishReminders');
      await platform.fireTimer('wish', 'wishReminders');
      const reminders = platform.emulator.wx.outbox().filter((m) => m.touser === 'm-slow' && m.template_id === localTemplateId('wishClaimReminder'));
      expect(reminders).toHaveLength(1);
      expect(reminders[0].data.thing1.value).toBe('修理旧轮椅');

      const early = errorOf(await call(STAFF, { action: 'move', wishId: wish.id, event: 'release', reason: '长期未送达' }));
      expect(early).toMatchObject({ code: 'FAILED_PRECONDITION', message: '认领尚未超过办理期限，不能释放' });

      clock = new Date(start.getTime() + 15 * DAY + 60_000);
      const chase = expectOk(await call<{ items: { id: string; claim: { urgency: string } }[] }>(STAFF, { action: 'chaseList' }));
      expect(chase.items.find((w) => w.id === wish.id)?.claim.urgency).toBe('overdue');
      const released = expectOk(await call(STAFF, { action: 'move', wishId: wish.id, event: 'release', reason: '超过期限未送达' }));
      expect(released).toMatchObject({ status: 'published', claim: null });
      expect(platform.emulator.wx.outbox().some((m) => m.touser === 'm-slow' && m.template_id === localTemplateId('wishClaimEnded'))).toBe(true);
      expect(expectOk(await call<WallView>(null, { action: 'wall', communityId: HUBIN })).items.map((w) => w.id)).toContain(wish.id);
      expectOk(await call('m-second', { action: 'claim', wishId: wish.id }));
    } finally {
      clock = start;
    }
  });

  it('logs a release by the role that released it: 团委工作人员 for the league, 社区工作人员 for the community', async () => {
    await insertMembers(platform, ['m-late-a', 'm-late-b']);
    const start = clock;
    try {
      // A day of its own, so these posts leave the other tests' daily posting allowance alone.
      clock = new Date(start.getTime() + 30 * DAY);
      const byLeague = await publishedWish(platform, { title: '换一台旧冰箱' });
      const byStaff = await publishedWish(platform, { title: '修一扇旧木门' });
      expectOk(await call('m-late-a', { action: 'claim', wishId: byLeague.id }));
      expectOk(await call('m-late-b', { action: 'claim', wishId: byStaff.id }));
      clock = new Date(start.getTime() + 45 * DAY + 60_000);
      const league = expectOk(await call(LEAGUE, { action: 'move', wishId: byLeague.id, event: 'release', reason: '超过期限未送达' }));
      expect(league.history.at(-1)).toMatchObject({ event: 'release', by: '团委工作人员', reason: '超过期限未送达' });
      const staff = expectOk(await call(STAFF, { action: 'move', wishId: byStaff.id, event: 'release', reason: '超过期限未送达' }));
      expect(staff.history.at(-1)).toMatchObject({ event: 'release', by: '社区工作人员' });
    } finally {
      clock = start;
    }
  });
});

describe('content check', () => {
  it('refuses risky text with CONTENT_REJECTED and writes nothing; review text waits flagged for staff', async () => {
    const risky = errorOf(await call(RESIDENT, { action: 'post', ...wishInput({ story: '内容含 risky-test-word 的描述' }) }));
    expect(risky).toMatchObject({ code: 'CONTENT_REJECTED', message: '内容含有不当信息，请修改后再提交' });
    // Named fields, so the form says it beside them (and keeps the text) instead of in a fading toast.
    expect(risky.details?.issues?.map((i) => i.field)).toEqual(['title', 'story']);
    const flagged = expectOk(await call(RESIDENT, { action: 'post', ...wishInput({ story: '需要人工看看 review-test-word' }) }));
    expect(flagged.status).toBe('submitted');
    const queue = expectOk(await call<{ items: { id: string; contentFlag: string | null }[] }>(STAFF, { action: 'reviewQueue' }));
    expect(queue.items.find((w) => w.id === flagged.id)?.contentFlag).toBe('review');
    const mine = expectOk(await call<MyWishesView>(RESIDENT, { action: 'mine' }));
    expect(mine.posted.some((w) => w.story.includes('risky-test-word'))).toBe(false);
  });

  it('publishes staff posts on behalf at once, with the beneficiary kept private', async () => {
    const posted = expectOk(await call(STAFF, { action: 'post', ...wishInput({ onBehalf: true, beneficiaryName: '王奶奶', beneficiaryType: '空巢老人', category: '情感陪伴' }) }));
    expect(posted.status).toBe('published');
    const publicView = expectOk(await call(null, { action: 'detail', wishId: posted.id }));
    expect(publicView).toMatchObject({ beneficiaryName: '王**', contact: null });
  });

  it('posts once when the same request is sent twice', async () => {
    const payload = { action: 'post', ...wishInput({ requestId: 'same-post-000001' }) };
    const [a, b] = [expectOk(await call(RESIDENT, payload)), expectOk(await call(RESIDENT, payload))];
    expect(a.id).toBe(b.id);
  });
});

describe('bad input: its code, a Chinese message, nothing written', () => {
  const fieldOf = (e: ReturnType<typeof errorOf>) => e.details?.issues?.map((i) => i.field);

  it.each([
    ['an empty title', { title: '  ' }, 'title', '请填写心愿标题'],
    ['an over-long title', { title: '字'.repeat(21) }, 'title', '心愿标题不能超过 20 个字'],
    ['an over-long story', { story: '字'.repeat(301) }, 'story', '心愿描述不能超过 300 个字'],
    ['a value above the micro limit', { value: 800 }, 'value', '微心愿的预估价值不能超过 500 元'],
    ['a category not in the list', { category: '旅游' }, 'category', '请从列表中选择心愿类别'],
    ['a forged photo id', { photos: ['cloud://env.bucket/uploads/someone-else/x.png'] }, 'photos.0', '照片无效，请重新上传'],
    ['a made-up photo of one’s own', { photos: ['OWN_FOLDER/nope.png'] }, 'photos.0', '照片不存在或已过期，请重新上传'],
  ])('refuses %s', async (_label, overrides, field, message) => {
    const before = await countWishes();
    // The own folder is the resident's opaque upload key: taken from a real upload.
    const given = 'photos' in overrides ? overrides.photos : undefined;
    const ownFolder = given?.[0]?.startsWith('OWN_FOLDER') ? (await uploadPhoto(platform, RESIDENT)).replace(/\/[^/]+$/, '') : '';
    const photos = given?.map((p: string) => p.replace('OWN_FOLDER', ownFolder));
    const error = errorOf(await call(RESIDENT, { action: 'post', ...wishInput({ ...overrides, ...(photos ? { photos } : {}) }) }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(fieldOf(error)).toEqual([field]);
    expect(error.details?.issues?.[0].message).toBe(message);
    expect(await countWishes()).toBe(before);
  });

  it("refuses a post in another community, and someone else's wish", async () => {
    expect(errorOf(await call(RESIDENT, { action: 'post', ...wishInput({ communityId: 'c-xihu-chaoyang' }) })).code).toBe('FORBIDDEN');
    const wish = await publishedWish(platform);
    expect(errorOf(await call(MEMBER, { action: 'move', wishId: wish.id, event: 'withdraw' }))).toMatchObject({ code: 'FORBIDDEN', message: '只有发布人可以撤回心愿' });
    expect(errorOf(await call('demo-league-staff', { action: 'review', wishId: wish.id, decision: 'reject', reason: '重复' })).code).toBe('FAILED_PRECONDITION');
  });

  it('refuses the moves the state machine forbids', async () => {
    const wish = await publishedWish(platform);
    expect(errorOf(await call(RESIDENT, { action: 'move', wishId: wish.id, event: 'confirm' }))).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: '心愿当前状态为「待认领」，不能确认收到（销号）',
    });
    expect(errorOf(await call(RESIDENT, { action: 'claim', wishId: wish.id })).code).toBe('FORBIDDEN');
    // A member who posts a wish cannot claim it.
    const own = expectOk(await call(MEMBER, { action: 'post', ...wishInput() }));
    expectOk(await call(STAFF, { action: 'review', wishId: own.id, decision: 'approve' }));
    expect(errorOf(await call(MEMBER, { action: 'claim', wishId: own.id }))).toMatchObject({ code: 'FORBIDDEN', message: '不能认领自己发布的心愿' });
    expect((await storedWish(platform, own.id))?.status).toBe('published');

    expectOk(await call('m-third', { action: 'claim', wishId: wish.id }));
    const photo = await uploadPhoto(platform, 'm-second');
    expect(errorOf(await call('m-second', { action: 'deliver', wishId: wish.id, photos: [photo], note: '冒充送达' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '只有认领人可以进行此操作',
    });
    expect((await storedWish(platform, wish.id))?.status).toBe('claimed');
    expect(errorOf(await call('m-third', { action: 'move', wishId: wish.id, event: 'cancel' })).details?.issues?.[0]).toEqual({ field: 'reason', message: '请填写原因' });
    expect(errorOf(await call(STAFF, { action: 'review', wishId: wish.id, decision: 'reject' })).details?.issues?.[0].field).toBe('reason');
  });

  it('tells the poster who asked for it that the wish was sent back, and why', async () => {
    await platform.grantSubscription(RESIDENT, 'wishReviewed');
    const posted = expectOk(await call(RESIDENT, { action: 'post', ...wishInput({ title: '一套新华字典' }) }));
    expectOk(await call(STAFF, { action: 'review', wishId: posted.id, decision: 'reject', reason: '请补充受助人情况' }));
    const told = platform.emulator.wx.outbox().filter((m) => m.touser === RESIDENT && m.page === `pages/wish-detail/index?id=${posted.id}`);
    expect(told.map((m) => [m.template_id, m.data.thing1.value, m.data.phrase2.value, m.data.thing3.value])).toEqual([
      [localTemplateId('wishReviewed'), '一套新华字典', '未通过', '请补充受助人情况'],
    ]);
  });

  it('keeps unpublished wishes out of public reach', async () => {
    const posted = expectOk(await call(RESIDENT, { action: 'post', ...wishInput() }));
    expect(errorOf(await call(null, { action: 'detail', wishId: posted.id })).code).toBe('NOT_FOUND');
    // Not that it exists, not its state: the same answer as for an id that never existed.
    expect(errorOf(await call(MEMBER, { action: 'claim', wishId: posted.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await call(null, { action: 'claim', wishId: posted.id })).code).toBe('UNAUTHENTICATED');
  });
});

describe('cancel and revoke', () => {
  it('a claimant cancels with a reason; staff revoke with a reason and the claimant hears it', async () => {
    const wish = await publishedWish(platform);
    expectOk(await call('m-third', { action: 'claim', wishId: wish.id }));
    const cancelled = expectOk(await call('m-third', { action: 'move', wishId: wish.id, event: 'cancel', reason: '临时出差' }));
    expect(cancelled).toMatchObject({ status: 'published', claim: null });
    expect(cancelled.history.at(-1)).toMatchObject({ event: 'cancel', reason: '临时出差' });

    // The cancelled claim keeps its slot for 7 days (no claim-and-cancel contact harvest): another member claims next.
    expect(await storedDoc<{ open: number; holds: unknown[] }>(platform, 'wish_claimants', 'm:m-third')).toMatchObject({ holds: [expect.anything()] });
    await platform.grantSubscription('m-revoked', 'wishClaimEnded');
    expectOk(await call('m-revoked', { action: 'claim', wishId: wish.id }));
    const revoked = expectOk(await call(STAFF, { action: 'move', wishId: wish.id, event: 'revoke', reason: '心愿已由家属解决' }));
    expect(revoked.status).toBe('revoked');
    const told = platform.emulator.wx.outbox().filter((m) => m.touser === 'm-revoked' && m.template_id === localTemplateId('wishClaimEnded'));
    expect(told.at(-1)?.data.thing3.value).toBe('心愿已由家属解决');
  });
});

it('uses a request id shape the schema accepts', () => expect(requestId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/));
