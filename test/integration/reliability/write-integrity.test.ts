import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { uploadPhoto } from '../../helpers/upload-photo';
import { aMemberProfile, requestId } from '../../fixtures/builders';
import { countDocs, insertDocs, storedDoc } from '../../fixtures/database';
import { ADMIN, HUBIN, STAFF } from '../../fixtures/personas';
import { formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import type { MyRecordView, ServiceLogView } from '../../../src/domain/service-log.schema';

/**
 * Writes that must hold against a hostile or merely impatient client: 补录 that stack, replays that race, and timer
 * events sent with a caller's identity.
 */

jest.setTimeout(60_000);

let platform: TestPlatform;
let clock = new Date();

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
}, 60_000);

afterAll(() => platform?.close());

const HOUR = 3_600_000;

describe('补录 cannot stack', () => {
  /** A member signed up to a 2-hour 湖滨社区 activity that started an hour ago, and never checked in. */
  async function missedActivity(): Promise<{ member: string; activityId: string }> {
    clock = new Date();
    const member = requestId('stack');
    expectOk(await platform.call('user', member, { action: 'registerMember', ...aMemberProfile({ requestId: requestId('reg') }) }));
    const { id: activityId } = expectOk(
      await platform.call<{ id: string }>('checkin', STAFF, {
        action: 'publishActivity',
        communityId: HUBIN.id,
        title: '社区环境整治',
        type: 'volunteer',
        startAt: formatShanghaiMinute(new Date(clock.getTime() - HOUR)),
        endAt: formatShanghaiMinute(new Date(clock.getTime() + HOUR)),
        capacity: 30,
        requestId: requestId('activity'),
      }),
    );
    expectOk(await platform.call('checkin', member, { action: 'signUp', activityId }));
    return { member, activityId };
  }

  const correction = async (member: string, target: { activityId: string } | { logId: string }, hours: number) =>
    platform.call<ServiceLogView>('checkin', member, {
      action: 'requestCorrection',
      ...target,
      hours,
      reason: '忘记签到，现场有合影为证',
      evidence: [await uploadPhoto(platform, member)],
      requestId: requestId('correction'),
    });

  const creditedHours = async (member: string) => expectOk(await platform.call<MyRecordView>('checkin', member, { action: 'myRecord' })).totals.hours;

  it('allows one open correction per attendance, and never credits more than the activity lasted', async () => {
    const { member, activityId } = await missedActivity();
    const first = expectOk(await correction(member, { activityId }, 2));
    expect(errorOf(await correction(member, { activityId }, 2))).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('待确认的补录') });

    expectOk(await platform.call('checkin', STAFF, { action: 'reviewLog', logId: first.id, decision: 'confirm', rating: 'good' }));
    const stacked = errorOf(await correction(member, { activityId }, 2));
    expect(stacked.code).toBe('INVALID_ARGUMENT');
    expect(stacked.details?.issues?.[0]).toMatchObject({ field: 'hours', message: expect.stringContaining('超过活动时长') });
    // Correcting the confirmed 补录 itself replaces its hours instead of adding to them.
    const replacement = expectOk(await correction(member, { logId: first.id }, 1.5));
    expectOk(await platform.call('checkin', STAFF, { action: 'reviewLog', logId: replacement.id, decision: 'confirm', rating: 'good' }));
    expect(await creditedHours(member)).toBe(1.5);
  });

  it('confirms at most the activity’s length when stacked corrections are confirmed at once', async () => {
    const { member, activityId } = await missedActivity();
    const attendanceId = `${activityId}_${member}`;
    const template = expectOk(await correction(member, { activityId }, 2));
    const stored = (await storedDoc<Record<string, unknown>>(platform, 'service_logs', template.id))!;
    // Three open 补录 for one 2-hour activity, as they could be filed before the rule.
    await insertDocs(platform, 'service_logs', [
      { ...stored, _id: `${template.id}-b`, createdAt: new Date() },
      { ...stored, _id: `${template.id}-c`, createdAt: new Date() },
    ]);
    expect(await countDocs(platform, 'service_logs', { attendanceId, status: 'pending' })).toBe(3);

    const replies = await Promise.all(
      [template.id, `${template.id}-b`, `${template.id}-c`].map((logId) => platform.call('checkin', STAFF, { action: 'reviewLog', logId, decision: 'confirm', rating: 'good' })),
    );
    expect(replies.filter((r) => r.body.ok)).toHaveLength(1);
    for (const refused of replies.filter((r) => !r.body.ok)) expect(errorOf(refused)).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('超过活动时长') });
    expect(await creditedHours(member)).toBe(2);
    expect(await countDocs(platform, 'service_logs', { attendanceId, status: 'confirmed' })).toBe(1);
  });
});

describe('idempotent writes under concurrent replays', () => {
  it('runs the handler once for one request id, and every reply — whatever its payload — is the stored result', async () => {
    const id = requestId('replay');
    const names = ['并发单位甲', '并发单位乙', '并发单位丙', '并发单位丁', '并发单位戊', '并发单位己'];
    const replies = await Promise.all(names.map((name) => platform.call<{ id: string; name: string }>('user', ADMIN, { action: 'createUnit', name, requestId: id })));
    const bodies = replies.map((r) => r.body);
    expect(bodies.every((b) => b.ok)).toBe(true);
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await countDocs(platform, 'units', { name: { $in: names } })).toBe(1);

    expect(await countDocs(platform, 'request_log', { requestId: id, state: 'done' })).toBe(1);
    // A later replay, with yet another payload, still reads the same.
    const later = await platform.call('user', ADMIN, { action: 'createUnit', name: '并发单位庚', requestId: id });
    expect(JSON.stringify(later.body)).toBe(JSON.stringify(bodies[0]));
  });

  it('stores nothing for a refused or failed write, so a corrected retry with the same id runs', async () => {
    const id = requestId('retry');
    const taken = '南昌市直机关工委';
    expect(errorOf(await platform.call('user', ADMIN, { action: 'createUnit', name: taken, requestId: id })).code).toBe('INVALID_ARGUMENT');
    expect(await countDocs(platform, 'request_log', { requestId: id })).toBe(0);
    expectOk(await platform.call('user', ADMIN, { action: 'createUnit', name: '重试单位', requestId: id }));
  });
});

describe('timer events', () => {
  const timer = { Type: 'Timer', TriggerName: 'escalateOverdue', Time: new Date().toISOString() };
  const codeOf = (result: unknown) => (result as { ok: boolean; error?: { code: string } }).error?.code ?? 'OK';

  it.each([
    ['a WeChat openid', { openid: 'forger-openid' }],
    ['an anonymous CloudBase login', { openid: '', uid: 'anon-uid-1', isAnonymous: true }],
    ['a CloudBase (web) login', { openid: '', uid: 'web-uid-1' }],
    ['a custom login', { openid: '', customUserId: 'custom-user-1' }],
  ])('refuses a timer event carrying %s', async (_kind, caller) => {
    const outcome = await platform.host.run('qa', timer, caller);
    expect(codeOf(outcome.result)).toBe('FORBIDDEN');
  });

  it('runs it when the platform sends it (no identity)', async () => {
    const outcome = await platform.host.run('qa', timer, null);
    expect(codeOf(outcome.result)).toBe('OK');
  });
});
