import { EJSON } from 'bson';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import type { ActivityCodeView, ActivityView, AttendanceView } from '../../../src/domain/activity.schema';
import { CHECKIN_CODE_EXPIRED_MESSAGE, CHECKIN_CODE_INVALID_MESSAGE, CHECKIN_CODE_REQUIRED_MESSAGE, parseCheckinCode } from '../../../src/domain/checkin-code';
import { HUBIN, STAFF, at, gcjReading, northOf, registerMember, requestId } from '../functions/checkin/checkin-fixtures';

/** Activity check-in that a forwarded photo cannot fake: the rotating, signed 签到码 staff show (issue 13 item 8). */
let platform: TestPlatform;
let clock = at('2025-06-01 08:00');
const MEMBERS = ['code-m0', 'code-m1', 'code-m2', 'code-m3', 'code-m4', 'code-m5'];
const inside = gcjReading(northOf(HUBIN, 100));
const far = gcjReading(northOf(HUBIN, 5_000));

const call = <T>(openid: string | null, action: string, payload: Record<string, unknown>) => platform.call<T>('checkin', openid, { action, ...payload });
let activity: ActivityView;
let other: ActivityView;

async function publish(title: string): Promise<ActivityView> {
  const payload = { communityId: HUBIN.id, title, type: 'volunteer', startAt: '2025-06-01 09:00', endAt: '2025-06-01 12:00', capacity: 20, requestId: requestId('code') };
  return expectOk(await call<ActivityView>(STAFF, 'publishActivity', payload));
}

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await Promise.all(MEMBERS.map((m, i) => registerMember(platform, m, `党员${i}`)));
  activity = await publish('扫码签到活动');
  other = await publish('另一场活动');
  for (const m of MEMBERS) expectOk(await call(m, 'signUp', { activityId: activity.id }));
  clock = at('2025-06-01 09:05');
}, 60_000);

afterAll(() => platform?.close());

const liveCode = async () => expectOk(await call<ActivityCodeView>(STAFF, 'activityCode', { activityId: activity.id }));
const checkIn = (openid: string, code: string, reading: object = inside) => call<AttendanceView>(openid, 'checkIn', { activityId: activity.id, code, ...reading });

it('shows staff of the community a signed code for the current 30 s window, drawn as a QR; nobody else', async () => {
  const shown = await liveCode();
  expect(shown).toMatchObject({ activityId: activity.id, title: '扫码签到活动' });
  expect(shown.image).toMatch(/^data:image\/png;base64,/);
  expect(parseCheckinCode(shown.code)).toMatchObject({ activityId: activity.id, window: shown.window });
  expect(new Date(shown.expiresAt).getTime() - clock.getTime()).toBeLessThanOrEqual(30_000);
  expect(shown.refreshInMs).toBeLessThan(30_000);
  expect(errorOf(await call(MEMBERS[0], 'activityCode', { activityId: activity.id })).code).toBe('FORBIDDEN');
  expect(errorOf(await call(null, 'activityCode', { activityId: activity.id })).code).toBe('UNAUTHENTICATED');
});

it('accepts a fresh code, and one from the window just before (scan delay, clock skew)', async () => {
  const { code } = await liveCode();
  expect(expectOk(await checkIn(MEMBERS[0], code)).status).toBe('checked_in');
  clock = new Date(clock.getTime() + 30_000);
  expect(expectOk(await checkIn(MEMBERS[1], code)).status).toBe('checked_in');
});

it('refuses a code older than its window with a message to scan the live one, and writes nothing', async () => {
  const { code } = await liveCode();
  clock = new Date(clock.getTime() + 65_000);
  expect(errorOf(await checkIn(MEMBERS[2], code))).toEqual({ code: 'FAILED_PRECONDITION', message: CHECKIN_CODE_EXPIRED_MESSAGE });
  const fresh = await liveCode();
  expect(expectOk(await checkIn(MEMBERS[2], fresh.code)).status).toBe('checked_in');
});

it('refuses the code of another activity and a forged or altered signature', async () => {
  const theirs = expectOk(await call<ActivityCodeView>(STAFF, 'activityCode', { activityId: other.id }));
  const refusal = { code: 'INVALID_ARGUMENT', message: expect.any(String), details: { issues: [{ field: 'code', message: CHECKIN_CODE_INVALID_MESSAGE }] } };
  expect(errorOf(await checkIn(MEMBERS[3], theirs.code))).toMatchObject(refusal);
  // Another activity's signature on this activity's id.
  const parts = parseCheckinCode(theirs.code);
  expect(errorOf(await checkIn(MEMBERS[3], `HDQD.${activity.id}.${parts?.window}.${parts?.signature}`))).toMatchObject(refusal);
  const { code, window } = await liveCode();
  const forged = code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  expect(errorOf(await checkIn(MEMBERS[3], forged))).toMatchObject(refusal);
  // A future window signed by nobody, and text that is not a code.
  expect(errorOf(await checkIn(MEMBERS[3], code.replace(`.${window}.`, `.${window + 1}.`)))).toMatchObject(refusal);
  expect(errorOf(await checkIn(MEMBERS[3], '随便一段文字'))).toMatchObject(refusal);
  const stored = await call<ActivityView>(MEMBERS[3], 'activityDetail', { activityId: activity.id });
  expect(expectOk(stored).mine?.status).toBe('signed_up');
});

it('keeps the fence and the time rules with a live code', async () => {
  const { code } = await liveCode();
  expect(errorOf(await checkIn(MEMBERS[4], code, far)).code).toBe('FAILED_PRECONDITION');
  clock = at('2025-06-01 12:30');
  const late = await liveCode();
  const refused = errorOf(await checkIn(MEMBERS[5], late.code));
  expect(refused.code).toBe('FAILED_PRECONDITION');
  expect(refused.message).not.toBe(CHECKIN_CODE_EXPIRED_MESSAGE);
});

describe('an activity whose staff chose 现场扫码签到', () => {
  let scanOnly: ActivityView;
  const SCAN_MEMBERS = ['code-s0', 'code-s1'];

  beforeAll(async () => {
    clock = at('2025-06-01 08:00');
    await Promise.all(SCAN_MEMBERS.map((m, i) => registerMember(platform, m, `扫码党员${i}`)));
    const payload = { communityId: HUBIN.id, title: '必须扫码的活动', type: 'volunteer', startAt: '2025-06-01 09:00', endAt: '2025-06-01 12:00', capacity: 20, checkinMode: 'code', requestId: requestId('code') };
    scanOnly = expectOk(await call<ActivityView>(STAFF, 'publishActivity', payload));
    for (const m of SCAN_MEMBERS) expectOk(await call(m, 'signUp', { activityId: scanOnly.id }));
    clock = at('2025-06-01 09:05');
  });

  it('stores the choice; an activity published without one stays 定位签到 and checks in without a code', async () => {
    expect(scanOnly.checkinMode).toBe('code');
    expect(activity.checkinMode).toBe('location');
    expect(expectOk(await call<AttendanceView>(MEMBERS[4], 'checkIn', { activityId: activity.id, ...inside })).status).toBe('checked_in');
  });

  it('treats an activity stored before the choice existed (no checkinMode) as 定位签到', async () => {
    const legacy = {
      _id: 'a-legacy-no-mode', communityId: HUBIN.id, communityName: '湖滨社区', title: '旧版活动', type: 'volunteer',
      startAt: at('2025-06-01 09:00'), endAt: at('2025-06-01 12:00'), place: '湖滨社区', latitude: HUBIN.latitude, longitude: HUBIN.longitude,
      radius: HUBIN.radius, capacity: 20, signedUp: 0, contact: '', content: '', status: 'published', publishedBy: STAFF, createdAt: at('2025-05-01 09:00'),
    };
    await platform.emulator.database.handle('database.insertDocument', { collectionName: 'activities', data: [EJSON.stringify(legacy, { relaxed: false })] });
    expectOk(await call(SCAN_MEMBERS[1], 'signUp', { activityId: legacy._id }));
    expect(expectOk(await call<ActivityView>(SCAN_MEMBERS[1], 'activityDetail', { activityId: legacy._id })).checkinMode).toBe('location');
    expect(expectOk(await call<AttendanceView>(SCAN_MEMBERS[1], 'checkIn', { activityId: legacy._id, ...inside })).status).toBe('checked_in');
  });

  it('refuses 签到 without a code, inside the fence, telling the member to scan, and writes nothing', async () => {
    const refused = errorOf(await call(SCAN_MEMBERS[0], 'checkIn', { activityId: scanOnly.id, ...inside }));
    expect(refused).toEqual({ code: 'FAILED_PRECONDITION', message: CHECKIN_CODE_REQUIRED_MESSAGE });
    expect(refused.message).toContain('扫描');
    expect(expectOk(await call<ActivityView>(SCAN_MEMBERS[0], 'activityDetail', { activityId: scanOnly.id })).mine?.status).toBe('signed_up');
  });

  it('accepts 签到 with the live code, and still applies the fence', async () => {
    const { code } = expectOk(await call<ActivityCodeView>(STAFF, 'activityCode', { activityId: scanOnly.id }));
    expect(errorOf(await call(SCAN_MEMBERS[1], 'checkIn', { activityId: scanOnly.id, code, ...far })).code).toBe('FAILED_PRECONDITION');
    expect(expectOk(await call<AttendanceView>(SCAN_MEMBERS[0], 'checkIn', { activityId: scanOnly.id, code, ...inside })).status).toBe('checked_in');
  });

  it('refuses an unknown 签到方式 under its field', async () => {
    const payload = { communityId: HUBIN.id, title: '方式不对', type: 'volunteer', startAt: '2025-06-01 14:00', endAt: '2025-06-01 16:00', capacity: 20, checkinMode: 'photo', requestId: requestId('code') };
    expect(errorOf(await call(STAFF, 'publishActivity', payload))).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ field: 'checkinMode', message: '请从列表中选择签到方式' }] } });
  });
});
