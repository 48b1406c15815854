import type { NoticeListView, NoticeSummary, NoticeView } from '../../../../src/domain/notice.schema';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { requestId } from '../../../fixtures/builders';
import { HUBIN as HUBIN_PLACE, RESIDENT, STAFF } from '../../../fixtures/personas';

let platform: TestPlatform;
let clock = new Date('2025-10-01T02:00:00.000Z'); // 10:00 in Shanghai

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
}, 60_000);

afterAll(() => platform?.close());

const HUBIN = HUBIN_PLACE.id;

const notice = (overrides: Record<string, unknown> = {}) => ({
  action: 'publish',
  communityId: HUBIN,
  category: '通知公告',
  title: '关于开展秋季环境整治的通知',
  body: '本周六上午 9 点，社区组织环境整治志愿活动，欢迎居民参加。',
  requestId: requestId('notice'),
  ...overrides,
});

const publish = async (overrides: Record<string, unknown> = {}) => expectOk(await platform.call<NoticeView>('notice', STAFF, notice(overrides)));

describe('publishing', () => {
  it('lets the community staff publish, and anyone read it without logging in', async () => {
    const posted = await publish();
    const read = expectOk(await platform.call<NoticeView>('notice', null, { action: 'get', id: posted.id }));
    expect(read).toMatchObject({ title: '关于开展秋季环境整治的通知', communityName: '湖滨社区', archived: false, publicityEndsAt: null, history: [] });
  });

  it('writes once when the same publish is retried', async () => {
    const payload = notice({ requestId: 'notice-retry-0001', title: '重试只发布一次' });
    const [a, b] = await Promise.all([platform.call<NoticeView>('notice', STAFF, payload), platform.call<NoticeView>('notice', STAFF, payload)]);
    expect(expectOk(a).id).toBe(expectOk(b).id);
    const list = expectOk(await platform.call<NoticeListView>('notice', null, { action: 'list', communityId: HUBIN }));
    expect(list.current.filter((n) => n.title === '重试只发布一次')).toHaveLength(1);
  });

  it('refuses a resident and the staff of another community, writing nothing', async () => {
    expect(errorOf(await platform.call('notice', RESIDENT, notice({ title: '居民不能发公告' }))).code).toBe('FORBIDDEN');
    expect(errorOf(await platform.call('notice', STAFF, notice({ communityId: 'c-xihu-chaoyang', title: '不是本社区' }))).code).toBe('FORBIDDEN');
    expect(errorOf(await platform.call('notice', null, notice({ title: '匿名' }))).code).toBe('UNAUTHENTICATED');
    const list = expectOk(await platform.call<NoticeListView>('notice', null, { action: 'list', communityId: 'c-xihu-chaoyang' }));
    expect(list.current).toEqual([]);
  });

  it('names each bad field in Chinese', async () => {
    const error = errorOf(await platform.call('notice', STAFF, notice({ title: '', body: '长'.repeat(2001), category: '闲聊', publicityDays: 60 })));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues).toEqual(
      expect.arrayContaining([
        { field: 'title', message: '标题至少 2 个字' },
        { field: 'body', message: '正文不能超过 2000 个字' },
        { field: 'category', message: '请从列表中选择公告类别' },
        { field: 'publicityDays', message: '公示期不能超过 30 天' },
      ]),
    );
  });

  it('refuses risky text with CONTENT_REJECTED', async () => {
    expect(errorOf(await platform.call('notice', STAFF, notice({ body: '这里有 risky-test-word 的内容' }))).code).toBe('CONTENT_REJECTED');
  });
});

describe('the list', () => {
  it('puts pinned notices first, archives a 公示 after its period, and still lets it be read', async () => {
    clock = new Date('2025-10-02T02:00:00.000Z');
    const plain = await publish({ title: '普通通知一则' });
    const pinned = await publish({ title: '置顶的党务公开', category: '党务公开', pinned: true });
    clock = new Date('2025-10-02T03:00:00.000Z');
    const publicity = await publish({ title: '九月微心愿公示', category: '微心愿公示', publicityDays: 3 });
    expect(publicity.publicityEndsAt).toBe('2025-10-04T15:59:59.999Z');

    let list = expectOk(await platform.call<NoticeListView>('notice', null, { action: 'list', communityId: HUBIN }));
    const ids = list.current.map((n) => n.id);
    expect(ids.indexOf(pinned.id)).toBeLessThan(ids.indexOf(plain.id));
    expect(list.current.slice(0, ids.indexOf(pinned.id)).every((n) => n.pinned)).toBe(true);
    expect(list.current.map((n) => n.id)).toEqual(expect.arrayContaining([plain.id, publicity.id]));

    clock = new Date('2025-10-05T01:00:00.000Z');
    list = expectOk(await platform.call<NoticeListView>('notice', null, { action: 'list', communityId: HUBIN }));
    expect(list.current.map((n) => n.id)).not.toContain(publicity.id);
    expect(list.archived.map((n) => n.id)).toContain(publicity.id);
    expect(expectOk(await platform.call<NoticeView>('notice', null, { action: 'get', id: publicity.id })).archived).toBe(true);
  });

  it('costs at most 2 round trips for the list (staff included) and 1 for 首页 latest', async () => {
    const list = await platform.call<NoticeListView>('notice', null, { action: 'list', communityId: HUBIN });
    expect(expectOk(list).canManage).toBe(false);
    expect(await platform.roundTrips(list.invocationId)).toBeLessThanOrEqual(2);
    const staffList = await platform.call<NoticeListView>('notice', STAFF, { action: 'list', communityId: HUBIN });
    expect(expectOk(staffList).canManage).toBe(true);
    expect(await platform.roundTrips(staffList.invocationId)).toBeLessThanOrEqual(2);
    const latest = await platform.call<{ items: NoticeSummary[] }>('notice', null, { action: 'latest', communityId: HUBIN, limit: 3 });
    expect(expectOk(latest).items.length).toBeLessThanOrEqual(3);
    expect(await platform.roundTrips(latest.invocationId)).toBe(1);
  });

  it('shows a community only its own notices', async () => {
    const latest = expectOk(await platform.call<{ items: NoticeSummary[] }>('notice', null, { action: 'latest', communityId: 'c-honggutan-shajing' }));
    expect(latest.items).toEqual([]);
  });
});

describe('editing', () => {
  it('keeps the earlier text in the history and refuses a stale edit', async () => {
    const posted = await publish({ title: '原来的标题' });
    const edited = expectOk(
      await platform.call<NoticeView>('notice', STAFF, { action: 'edit', id: posted.id, version: posted.version, category: '通知公告', title: '改过的标题', body: '改过的正文' }),
    );
    expect(edited).toMatchObject({ title: '改过的标题', version: 2 });
    expect(edited.history).toEqual([expect.objectContaining({ title: '原来的标题' })]);
    expect(JSON.stringify(edited)).not.toContain(STAFF);
    const stale = errorOf(await platform.call('notice', STAFF, { action: 'edit', id: posted.id, version: posted.version, category: '通知公告', title: '迟到的修改', body: '正文' }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('pins and unpins, but only for the staff of that community', async () => {
    const posted = await publish({ title: '待置顶通知' });
    expect(expectOk(await platform.call<NoticeView>('notice', STAFF, { action: 'pin', id: posted.id, pinned: true })).pinned).toBe(true);
    expect(errorOf(await platform.call('notice', RESIDENT, { action: 'pin', id: posted.id, pinned: false })).code).toBe('FORBIDDEN');
    expect(errorOf(await platform.call('notice', STAFF, { action: 'pin', id: 'n-missing', pinned: false })).code).toBe('NOT_FOUND');
  });
});
