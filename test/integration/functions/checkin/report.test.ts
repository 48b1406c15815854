import { EJSON } from 'bson';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { CheckinView, CommunityFenceView, CommunityQrView, RosterEntry } from '../../../../src/domain/checkin.schema';
import { localTemplateId } from '../../../../src/domain/notice-templates';
import { CHAOYANG, HUBIN, STAFF, at, countDocs, gcjReading, northOf, registerMember, wgsReading } from './checkin-fixtures';

let platform: TestPlatform;
let clock = at('2025-03-03 10:00');

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await Promise.all(['r-near', 'r-far', 'r-blur', 'r-move', 'r-renew', 'r-rt', 'r-bad', 'r-rej'].map((id) => registerMember(platform, id, '赵报到')));
}, 60_000);

afterAll(() => platform?.close());

const report = (openid: string | null, payload: Record<string, unknown>) => platform.call<CheckinView>('checkin', openid, { action: 'report', ...payload });
const near = gcjReading(northOf(HUBIN, 120));
const notices = (openid: string) => platform.emulator.wx.outbox().filter((m) => m.touser === openid).map(({ template_id, page, data }) => ({ template_id, page, data }));

describe('报到 inside the fence', () => {
  it('shows the scanned community to anyone, then makes a pending 报到 from a browser reading 120 m away', async () => {
    const community = expectOk(await platform.call<CommunityFenceView>('checkin', null, { action: 'communityByScene', scene: HUBIN.id }));
    expect(community).toMatchObject({ name: '湖滨社区', radius: 500 });
    await platform.grantSubscription('r-near', 'checkinReviewed');
    const checkin = expectOk(await report('r-near', { communityId: HUBIN.id, ...wgsReading(northOf(HUBIN, 120)) }));
    expect(checkin).toMatchObject({ status: 'pending', standing: 'pending', communityName: '湖滨社区', memberName: '赵报到', distance: 120, accuracy: 20 });
  });

  it('stores only the distance, the accuracy and coordinates rounded to about 100 m', async () => {
    const res = (await platform.emulator.database.handle('database.getDocument', { collectionName: 'checkins', query: JSON.stringify({ _id: 'r-near' }), queryType: 'WHERE' })) as { data: { list: string[] } };
    const stored = EJSON.parse(res.data.list[0]) as Record<string, unknown> & { point: { latitude: number; longitude: number } };
    expect(stored.point).toEqual({ latitude: 28.682, longitude: 115.901 });
    expect(stored).toMatchObject({ distance: 120, accuracy: 20 });
    expect(Object.keys(stored)).not.toEqual(expect.arrayContaining(['latitude']));
  });

  it('a repeated scan returns the same 报到 instead of making another', async () => {
    const again = expectOk(await report('r-near', { communityId: HUBIN.id, ...near }));
    expect(again.status).toBe('pending');
    expect(await countDocs(platform, 'checkins', { openid: 'r-near' })).toBe(1);
    expect(await countDocs(platform, 'checkin_history', { openid: 'r-near' })).toBe(0);
  });

  it('costs at most two database round trips once the instance has the community', async () => {
    await Promise.all(Array.from({ length: 4 }, () => platform.call('checkin', null, { action: 'communityByScene', scene: HUBIN.id })));
    const first = await report('r-rt', { communityId: HUBIN.id, ...near });
    expectOk(first);
    expect(await platform.roundTrips(first.invocationId)).toBeLessThanOrEqual(2);
  });
});

describe('报到 refused', () => {
  it('2 km away: says how far, writes nothing', async () => {
    const error = errorOf(await report('r-far', { communityId: HUBIN.id, ...wgsReading(northOf(HUBIN, 2000)) }));
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(error.message).toBe('您距离湖滨社区约 2.0 公里，超出报到范围（500 米）');
    expect(await countDocs(platform, 'checkins', { openid: 'r-far' })).toBe(0);
  });

  it('a reading less precise than the fence: asks to try outdoors, writes nothing', async () => {
    const error = errorOf(await report('r-blur', { communityId: HUBIN.id, ...gcjReading(northOf(HUBIN, 50), 1500) }));
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(error.message).toContain('请到室外开阔处重新定位后再试');
    expect(await countDocs(platform, 'checkins', { openid: 'r-blur' })).toBe(0);
  });

  it.each([
    ['latitude out of range', 'INVALID_ARGUMENT', 'latitude', { communityId: HUBIN.id, ...near, latitude: 91 }],
    ['longitude out of range', 'INVALID_ARGUMENT', 'longitude', { communityId: HUBIN.id, ...near, longitude: -181 }],
    ['a forged scene', 'INVALID_ARGUMENT', 'communityId', { communityId: 'c-donghu-hubin%27--', ...near }],
    ['an unknown community', 'NOT_FOUND', null, { communityId: 'c-nowhere', ...near }],
    ['an unknown coordinate system', 'INVALID_ARGUMENT', 'coordSystem', { communityId: HUBIN.id, ...near, coordSystem: 'bd09' }],
  ])('%s → %s, nothing written', async (_name, code, field, payload) => {
    const error = errorOf(await report('r-bad', payload));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    if (field) expect(error.details?.issues?.[0].field).toBe(field);
    expect(await countDocs(platform, 'checkins', { openid: 'r-bad' })).toBe(0);
  });

  it('a resident who is not a registered member → FORBIDDEN, asked to register first', async () => {
    const error = errorOf(await report('demo-resident', { communityId: HUBIN.id, ...near }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('请先登记为在职党员');
    expect(await countDocs(platform, 'checkins', { openid: 'demo-resident' })).toBe(0);
  });

  it('anonymous → UNAUTHENTICATED', async () => {
    expect(errorOf(await report(null, { communityId: HUBIN.id, ...near })).code).toBe('UNAUTHENTICATED');
  });
});

describe('staff confirm, reject and see the roster', () => {
  it('lists pending 报到 for their community only and confirms one', async () => {
    const pending = expectOk(await platform.call<{ items: CheckinView[] }>('checkin', STAFF, { action: 'pendingCheckins', communityId: HUBIN.id }));
    expect(pending.items.map((c) => c.memberOpenid)).toContain('r-near');
    const confirmed = expectOk(await platform.call<CheckinView>('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: 'r-near', decision: 'confirm' }));
    expect(confirmed).toMatchObject({ status: 'confirmed', standing: 'active', reviewedByName: '社区工作人员' });
    expect(notices('r-near')).toEqual([{ template_id: localTemplateId('checkinReviewed'), page: 'pages/checkin/index', data: { thing1: { value: '湖滨社区' }, phrase2: { value: '已确认' }, thing3: { value: expect.any(String) } } }]);
    const { items } = expectOk(await platform.call<{ items: RosterEntry[] }>('checkin', STAFF, { action: 'roster', communityId: HUBIN.id }));
    expect(items.find((m) => m.memberOpenid === 'r-near')).toMatchObject({ memberName: '赵报到', confirmedHours: 0, standing: 'active' });
  });

  it('rejects with a reason (required), which the member sees', async () => {
    await platform.grantSubscription('r-rej', 'checkinReviewed');
    expectOk(await report('r-rej', { communityId: HUBIN.id, ...near }));
    const noReason = errorOf(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: 'r-rej', decision: 'reject' }));
    expect(noReason.details?.issues).toEqual([{ field: 'reason', message: '退回时请填写原因' }]);
    expectOk(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: 'r-rej', decision: 'reject', reason: '您不住在本社区' }));
    const mine = expectOk(await platform.call<{ checkin: CheckinView }>('checkin', 'r-rej', { action: 'myCheckin' }));
    expect(mine.checkin).toMatchObject({ status: 'rejected', rejectReason: '您不住在本社区', standing: 'rejected' });
    expect(notices('r-rej').map((m) => [m.data.phrase2.value, m.data.thing3.value])).toEqual([['已退回', '您不住在本社区']]);
  });

  it('refuses staff of another community and members', async () => {
    expect(errorOf(await platform.call('checkin', STAFF, { action: 'pendingCheckins', communityId: CHAOYANG.id })).code).toBe('FORBIDDEN');
    expect(errorOf(await platform.call('checkin', 'r-near', { action: 'reviewCheckin', memberOpenid: 'r-rt', decision: 'confirm' })).code).toBe('FORBIDDEN');
    expect(expectOk(await platform.call<{ checkin: CheckinView }>('checkin', 'r-rt', { action: 'myCheckin' })).checkin.status).toBe('pending');
  });
});

describe('one active 报到, renewed every half year', () => {
  it('a new 报到 elsewhere withdraws the old one, which stays on record', async () => {
    expectOk(await report('r-move', { communityId: HUBIN.id, ...near }));
    const moved = expectOk(await report('r-move', { communityId: CHAOYANG.id, ...gcjReading(northOf(CHAOYANG, 100)) }));
    expect(moved).toMatchObject({ communityName: '朝阳新城社区', status: 'pending' });
    expect(await countDocs(platform, 'checkin_history', { openid: 'r-move', communityId: HUBIN.id, status: 'withdrawn' })).toBe(1);
    const pending = expectOk(await platform.call<{ items: CheckinView[] }>('checkin', STAFF, { action: 'pendingCheckins', communityId: HUBIN.id }));
    expect(pending.items.map((c) => c.memberOpenid)).not.toContain('r-move');
  });

  it('lapses after six months (due), and a scan then renews it', async () => {
    clock = at('2025-03-03 10:00');
    expectOk(await report('r-renew', { communityId: HUBIN.id, ...near }));
    expectOk(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: 'r-renew', decision: 'confirm' }));

    clock = at('2025-09-03 09:59');
    expect(expectOk(await platform.call<{ checkin: CheckinView }>('checkin', 'r-renew', { action: 'myCheckin' })).checkin.standing).toBe('active');
    // A scan within the half year changes nothing.
    expect(expectOk(await report('r-renew', { communityId: HUBIN.id, ...near })).status).toBe('confirmed');

    clock = at('2025-09-03 10:00');
    expect(expectOk(await platform.call<{ checkin: CheckinView }>('checkin', 'r-renew', { action: 'myCheckin' })).checkin.standing).toBe('due');
    const renewed = expectOk(await report('r-renew', { communityId: HUBIN.id, ...near }));
    expect(renewed).toMatchObject({ status: 'pending', standing: 'pending', reportedAt: at('2025-09-03 10:00').toISOString() });
    expect(await countDocs(platform, 'checkin_history', { openid: 'r-renew', status: 'confirmed', endReason: 'renewed' })).toBe(1);
    clock = at('2025-03-03 10:00');
  });

  it('the member can withdraw; it stays on record as withdrawn', async () => {
    const withdrawn = expectOk(await platform.call<CheckinView>('checkin', 'r-rt', { action: 'withdrawCheckin' }));
    expect(withdrawn.status).toBe('withdrawn');
    expect(errorOf(await platform.call('checkin', 'r-rt', { action: 'withdrawCheckin' })).code).toBe('FAILED_PRECONDITION');
  });
});

describe('community fence and QR (staff)', () => {
  it('staff move the point and radius; the fence follows', async () => {
    const updated = expectOk(await platform.call<CommunityFenceView>('checkin', STAFF, { action: 'setCommunityFence', communityId: HUBIN.id, latitude: 28.6812, longitude: 115.9012, radius: 800 }));
    expect(updated.radius).toBe(800);
    const tooBig = errorOf(await platform.call('checkin', STAFF, { action: 'setCommunityFence', communityId: HUBIN.id, latitude: 28.6812, longitude: 115.9012, radius: 5000 }));
    expect(tooBig.details?.issues).toEqual([{ field: 'radius', message: '围栏半径不能大于 3000 米' }]);
    expectOk(await platform.call('checkin', STAFF, { action: 'setCommunityFence', communityId: HUBIN.id, latitude: 28.6812, longitude: 115.9012, radius: 500 }));
  });

  it('refuses another community’s staff', async () => {
    const error = errorOf(await platform.call('checkin', STAFF, { action: 'setCommunityFence', communityId: CHAOYANG.id, latitude: 28.6, longitude: 115.8, radius: 500 }));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('gives a mini-program code (wxacode.getUnlimited) whose scene is the community and page the check-in page', async () => {
    const qr = expectOk(await platform.call<CommunityQrView>('checkin', STAFF, { action: 'communityQr', communityId: HUBIN.id, target: 'weapp' }));
    expect(qr).toMatchObject({ target: 'weapp', scene: HUBIN.id, page: 'pages/checkin/index' });
    expect(qr.image.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
  });

  it('gives the H5 page address as a QR image', async () => {
    const qr = expectOk(await platform.call<CommunityQrView>('checkin', STAFF, { action: 'communityQr', communityId: HUBIN.id, target: 'h5', h5Origin: 'http://127.0.0.1:10086' }));
    expect(qr.opens).toBe('http://127.0.0.1:10086/#/pages/checkin/index?scene=c-donghu-hubin');
    expect(qr.image.startsWith('data:image/png;base64,')).toBe(true);
  });
});
