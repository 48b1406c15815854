import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { ActivityView, AttendanceView } from '../../../../src/domain/activity.schema';
import type { MyRecordView, ServiceLogView } from '../../../../src/domain/service-log.schema';
import { CHAOYANG, HUBIN, STAFF, at, countDocs, gcjReading, northOf, registerMember, requestId, wgsReading } from './checkin-fixtures';

let platform: TestPlatform;
let clock = at('2025-05-20 10:00');

const MEMBERS = Array.from({ length: 12 }, (_, i) => `act-m${i}`);

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await Promise.all(MEMBERS.map((id, i) => registerMember(platform, id, `党员${i}`)));
}, 60_000);

afterAll(() => platform?.close());

const inside = gcjReading(northOf(HUBIN, 100));

async function publish(overrides: Record<string, unknown> = {}, by = STAFF): Promise<ActivityView> {
  return expectOk(
    await platform.call<ActivityView>('checkin', by, {
      action: 'publishActivity',
      communityId: HUBIN.id,
      title: '社区政策宣讲',
      type: 'policy_talk',
      startAt: '2025-06-01 09:00',
      endAt: '2025-06-01 12:00',
      capacity: 20,
      contact: '王主任',
      requestId: requestId('pub'),
      ...overrides,
    }),
  );
}

const call = <T>(openid: string | null, action: string, payload: Record<string, unknown>) => platform.call<T>('checkin', openid, { action, ...payload });
const signUp = (openid: string, activityId: string) => call<AttendanceView>(openid, 'signUp', { activityId });
const checkIn = (openid: string, activityId: string, reading: object = inside) => call<AttendanceView>(openid, 'checkIn', { activityId, ...reading });
const checkOut = (openid: string, activityId: string, reading: object = inside) => call<AttendanceView>(openid, 'checkOut', { activityId, ...reading });

describe('publishing', () => {
  it('takes place and fence from the community by default, times in Shanghai to the minute', async () => {
    const activity = await publish();
    expect(activity).toMatchObject({ communityName: '湖滨社区', typeLabel: '政策宣讲', startAt: '2025-06-01 09:00', endAt: '2025-06-01 12:00', radius: 500, signedUp: 0, phase: 'upcoming' });
    expect(activity.place).toContain('八一大道');
  });

  it('a retried publish (same request id) makes one activity', async () => {
    const id = requestId('same');
    const [a, b] = await Promise.all([publish({ requestId: id }), publish({ requestId: id })]);
    expect(a.id).toBe(b.id);
    expect(await countDocs(platform, 'activities', { _id: a.id })).toBe(1);
  });

  it.each([
    ['end before start', { endAt: '2025-06-01 08:00' }, 'endAt', '结束时间应晚于开始时间'],
    ['a time that is not a time', { startAt: '2025-06-01 9点' }, 'startAt', '开始时间格式应为 2025-06-01 09:30'],
    ['an unknown type', { type: 'party' }, 'type', '请从列表中选择活动类型'],
    ['a radius beyond 3000 m', { radius: 5000 }, 'radius', '围栏半径不能大于 3000 米'],
  ])('refuses %s with a Chinese field message', async (_name, overrides, field, message) => {
    const error = errorOf(await call(STAFF, 'publishActivity', { communityId: HUBIN.id, title: '测试活动', type: 'volunteer', startAt: '2025-06-01 09:00', endAt: '2025-06-01 12:00', capacity: 5, requestId: requestId(), ...overrides }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues).toEqual([{ field, message }]);
  });

  it('refuses members and staff of another community', async () => {
    const payload = { communityId: CHAOYANG.id, title: '越权活动', type: 'volunteer', startAt: '2025-06-01 09:00', endAt: '2025-06-01 12:00', capacity: 5, requestId: requestId() };
    expect(errorOf(await call(STAFF, 'publishActivity', payload)).code).toBe('FORBIDDEN');
    expect(errorOf(await call('act-m0', 'publishActivity', { ...payload, communityId: HUBIN.id })).code).toBe('FORBIDDEN');
    expect(await countDocs(platform, 'activities', { title: '越权活动' })).toBe(0);
  });
});

describe('sign-up', () => {
  it('holds the capacity under concurrency: 10 members for 3 seats → exactly 3', async () => {
    const activity = await publish({ capacity: 3 });
    const results = await Promise.all(MEMBERS.slice(0, 10).map((m) => signUp(m, activity.id)));
    const ok = results.filter((r) => r.body.ok);
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => !r.body.ok).map((r) => errorOf(r).code)).toEqual(Array(7).fill('CONFLICT'));
    expect(expectOk(await call<ActivityView>('act-m0', 'activityDetail', { activityId: activity.id })).signedUp).toBe(3);
    expect(await countDocs(platform, 'attendances', { activityId: activity.id, status: 'signed_up' })).toBe(3);
  });

  it('one member signing up twice at once holds one seat', async () => {
    const activity = await publish({ capacity: 5 });
    await Promise.all(Array.from({ length: 5 }, () => signUp('act-m11', activity.id)));
    expect(expectOk(await call<ActivityView>('act-m11', 'activityDetail', { activityId: activity.id })).signedUp).toBe(1);
  });

  it('a resident who is not a member → FORBIDDEN, nothing written', async () => {
    const activity = await publish();
    const error = errorOf(await signUp('demo-resident', activity.id));
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(error.message).toContain('请先登记为在职党员');
    expect(await countDocs(platform, 'attendances', { openid: 'demo-resident' })).toBe(0);
  });

  it('can be cancelled before the start, freeing the seat', async () => {
    const activity = await publish({ capacity: 1 });
    expectOk(await signUp('act-m1', activity.id));
    expect(expectOk(await call<AttendanceView>('act-m1', 'cancelSignUp', { activityId: activity.id })).status).toBe('cancelled');
    expectOk(await signUp('act-m2', activity.id));
  });
});

describe('check-in and check-out windows', () => {
  let activity: ActivityView;
  beforeAll(async () => {
    clock = at('2025-05-20 10:00');
    activity = await publish({ capacity: 10 });
    for (const m of MEMBERS.slice(0, 5)) expectOk(await signUp(m, activity.id));
  });

  it('check-in: refused at 06:59, open from 07:00 (2 h before the start)', async () => {
    clock = at('2025-06-01 06:59');
    const early = errorOf(await checkIn('act-m0', activity.id));
    expect(early).toMatchObject({ code: 'FAILED_PRECONDITION', message: '签到尚未开始：活动开始前 2 小时起可签到（2025-06-01 07:00 起）' });
    expect(await countDocs(platform, 'attendances', { _id: `${activity.id}_act-m0`, status: 'checked_in' })).toBe(0);
    clock = at('2025-06-01 07:00');
    expect(expectOk(await checkIn('act-m0', activity.id)).status).toBe('checked_in');
  });

  it('check-in: still open at the end (12:00), closed at 12:01', async () => {
    clock = at('2025-06-01 12:00');
    expect(expectOk(await checkIn('act-m1', activity.id)).status).toBe('checked_in');
    clock = at('2025-06-01 12:01');
    expect(errorOf(await checkIn('act-m2', activity.id)).code).toBe('FAILED_PRECONDITION');
  });

  it('check-out before check-in → FAILED_PRECONDITION', async () => {
    clock = at('2025-06-01 12:30');
    const error = errorOf(await checkOut('act-m3', activity.id));
    expect(error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '您还没有签到，不能签退；请先签到' });
  });

  it('check-out: open until 14:00 (2 h after the end), counting only the activity window', async () => {
    clock = at('2025-06-01 14:00');
    const out = expectOk(await checkOut('act-m0', activity.id));
    expect(out).toMatchObject({ status: 'checked_out', hours: 3, checkedOutBy: 'self' });
    expect(out.logId).toBeTruthy();
    clock = at('2025-06-01 14:01');
    expect(errorOf(await checkOut('act-m1', activity.id)).code).toBe('FAILED_PRECONDITION');
  });

  it('staff check out the whole roster at the end; those checked in at 12:00 get a 0 h log the member and the staff queue see', async () => {
    clock = at('2025-06-01 14:30');
    const result = expectOk(await call<{ checkedOut: number; items: AttendanceView[] }>(STAFF, 'checkOutAll', { activityId: activity.id }));
    expect(result.checkedOut).toBe(1);
    expect(result.items[0]).toMatchObject({ memberOpenid: 'act-m1', checkedOutBy: 'staff', hours: 0 });
    expect(result.items[0].logId).toBeTruthy();
    expect(await countDocs(platform, 'service_logs', { activityId: activity.id })).toBe(2);
    const mine = expectOk(await call<MyRecordView>('act-m1', 'myRecord', {}));
    expect(mine.items.find((l) => l.activityId === activity.id)).toMatchObject({ kind: 'activity', status: 'pending', hours: 0 });
    const queue = expectOk(await call<{ items: ServiceLogView[] }>(STAFF, 'pendingLogs', { communityId: activity.communityId }));
    expect(queue.items.find((l) => l.id === result.items[0].logId)).toMatchObject({ memberName: expect.any(String), hours: 0 });
  });
});

describe('fence and community', () => {
  let activity: ActivityView;
  beforeAll(async () => {
    clock = at('2025-05-20 10:00');
    activity = await publish();
    expectOk(await signUp('act-m4', activity.id));
    clock = at('2025-06-01 09:00');
  });

  it('2 km away → refused with the distance, nothing written', async () => {
    const error = errorOf(await checkIn('act-m4', activity.id, wgsReading(northOf(HUBIN, 2000))));
    expect(error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '您距离活动地点约 2.0 公里，超出签到范围（500 米）' });
    expect(await countDocs(platform, 'attendances', { _id: `${activity.id}_act-m4`, status: 'signed_up' })).toBe(1);
  });

  it('an activity id with another community’s code → INVALID_ARGUMENT', async () => {
    const error = errorOf(await call('act-m4', 'checkIn', { activityId: activity.id, communityId: CHAOYANG.id, ...inside }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues?.[0]).toEqual({ field: 'communityId', message: '该活动属于湖滨社区，请在活动所在社区签到' });
  });

  it('staff of another community cannot see the roster or check it out', async () => {
    const chaoyang = await publish({ communityId: CHAOYANG.id }, 'demo-admin');
    expect(errorOf(await call(STAFF, 'checkOutAll', { activityId: chaoyang.id })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(STAFF, 'activityRoster', { activityId: chaoyang.id })).code).toBe('FORBIDDEN');
  });

  it('not signed up → FAILED_PRECONDITION; not a member → FORBIDDEN; unknown activity → NOT_FOUND', async () => {
    expect(errorOf(await checkIn('act-m9', activity.id))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '您尚未报名该活动，请先报名' });
    expect(errorOf(await checkIn('demo-resident', activity.id)).code).toBe('FORBIDDEN');
    expect(errorOf(await checkIn('act-m4', 'a-missing')).code).toBe('NOT_FOUND');
    expect(await countDocs(platform, 'attendances', { openid: { $in: ['act-m9', 'demo-resident'] }, activityId: activity.id })).toBe(0);
  });
});

describe('repeated and simultaneous check-ins', () => {
  it('200 simultaneous check-ins of one member → one attendance, checked in once, every answer the same', async () => {
    clock = at('2025-05-20 10:00');
    const activity = await publish();
    expectOk(await signUp('act-m5', activity.id));
    clock = at('2025-06-01 08:30');
    const results = await Promise.all(Array.from({ length: 200 }, () => checkIn('act-m5', activity.id)));
    const views = results.map((r) => expectOk(r));
    expect(new Set(views.map((v) => v.checkedInAt))).toEqual(new Set([at('2025-06-01 08:30').toISOString()]));
    expect(await countDocs(platform, 'attendances', { activityId: activity.id, openid: 'act-m5' })).toBe(1);
  }, 60_000);

  it('a check-in costs at most two database round trips (the activity is cached per instance)', async () => {
    clock = at('2025-05-20 10:00');
    const activity = await publish();
    expectOk(await signUp('act-m6', activity.id));
    expectOk(await signUp('act-m7', activity.id));
    clock = at('2025-06-01 08:30');
    const cold = await checkIn('act-m6', activity.id);
    expect(await platform.roundTrips(cold.invocationId)).toBeLessThanOrEqual(2);
    const again = await checkIn('act-m6', activity.id);
    expect(await platform.roundTrips(again.invocationId)).toBeLessThanOrEqual(2);
  });
});

describe('an activity across midnight', () => {
  it('opens at 20:00, takes a check-in at 00:30, and counts 3 h from 22:00 to 01:00', async () => {
    clock = at('2025-05-20 10:00');
    const night = await publish({ title: '夜间巡逻', type: 'volunteer', startAt: '2025-06-01 22:00', endAt: '2025-06-02 01:00' });
    expectOk(await signUp('act-m8', night.id));
    expectOk(await signUp('act-m10', night.id));
    clock = at('2025-06-01 19:59');
    expect(errorOf(await checkIn('act-m8', night.id)).code).toBe('FAILED_PRECONDITION');
    clock = at('2025-06-01 20:00');
    expectOk(await checkIn('act-m8', night.id));
    clock = at('2025-06-02 00:30');
    expectOk(await checkIn('act-m10', night.id));
    clock = at('2025-06-02 01:10');
    expect(expectOk(await checkOut('act-m8', night.id)).hours).toBe(3);
    expect(expectOk(await checkOut('act-m10', night.id)).hours).toBe(0.5);
  });
});
