import { EJSON } from 'bson';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { ActivityView, AttendanceView } from '../../../../src/domain/activity.schema';
import type { CertificateVerification, CertificateView } from '../../../../src/domain/certificate';
import type { MyRecordView, ServiceLogView } from '../../../../src/domain/service-log.schema';
import { localTemplateId } from '../../../../src/domain/notice-templates';
import { HUBIN, STAFF, at, countDocs, gcjReading, northOf, registerMember, requestId } from './checkin-fixtures';
import { uploadPhoto } from '../../../helpers/upload-photo';

let platform: TestPlatform;
let clock = at('2025-05-20 10:00');
const inside = gcjReading(northOf(HUBIN, 100));

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await Promise.all(['rec-a', 'rec-b', 'rec-big', 'rec-small'].map((id) => registerMember(platform, id, '钱服务')));
}, 60_000);

afterAll(() => platform?.close());

const call = <T>(openid: string | null, action: string, payload: Record<string, unknown> = {}) => platform.call<T>('checkin', openid, { action, ...payload });

/** Publish, sign up, check in at the start and out at `outAt`; returns the activity and the check-out. */
async function serve(openid: string, title: string, times: { start: string; end: string; outAt: string }, type = 'volunteer') {
  clock = at('2025-05-20 10:00');
  const activity = expectOk(
    await call<ActivityView>(STAFF, 'publishActivity', { communityId: HUBIN.id, title, type, startAt: times.start, endAt: times.end, capacity: 10, requestId: requestId('pub') }),
  );
  expectOk(await call(openid, 'signUp', { activityId: activity.id }));
  clock = at(times.start);
  expectOk(await call(openid, 'checkIn', { activityId: activity.id, ...inside }));
  clock = at(times.outAt);
  const out = expectOk(await call<AttendanceView>(openid, 'checkOut', { activityId: activity.id, ...inside }));
  return { activity, out };
}

const record = async (openid: string, year?: number) => expectOk(await call<MyRecordView>(openid, 'myRecord', year === undefined ? {} : { year }));

describe('from check-out to confirmed hours', () => {
  let logId: string;

  it('a check-out becomes a pending log that does not count yet', async () => {
    const { out } = await serve('rec-a', '敬老院探访', { start: '2025-06-01 09:00', end: '2025-06-01 12:00', outAt: '2025-06-01 12:10' });
    logId = out.logId as string;
    const mine = await record('rec-a');
    expect(mine.totals.hours).toBe(0);
    expect(mine.items[0]).toMatchObject({ id: logId, status: 'pending', statusLabel: '待确认', hours: 3, title: '敬老院探访', serviceDate: '2025-06-01' });
  });

  it('staff see it pending and confirm it with a rating; totals, types and points follow', async () => {
    clock = at('2025-06-02 09:00');
    const pending = expectOk(await call<{ items: ServiceLogView[] }>(STAFF, 'pendingLogs', { communityId: HUBIN.id }));
    expect(pending.items.map((l) => l.id)).toContain(logId);
    const confirmed = expectOk(await call<ServiceLogView>(STAFF, 'reviewLog', { logId, decision: 'confirm', rating: 'excellent' }));
    expect(confirmed).toMatchObject({ status: 'confirmed', rating: 'excellent', reviewedByName: '社区工作人员' });
    const mine = await record('rec-a');
    expect(mine.totals).toEqual({ hours: 3, activities: 1, points: 3, byType: [{ type: 'volunteer', label: '志愿服务', hours: 3 }] });
    expect(mine.years).toEqual([2025]);
    expect(errorOf(await call(STAFF, 'reviewLog', { logId, decision: 'confirm' })).code).toBe('FAILED_PRECONDITION');
    // Nobody asked for a notice at check-out, so none is sent.
    expect(platform.emulator.wx.outbox().filter((m) => m.touser === 'rec-a')).toEqual([]);
  });

  it('filters by year', async () => {
    expect((await record('rec-a', 2024)).totals.hours).toBe(0);
    expect((await record('rec-a', 2024)).items).toEqual([]);
    expect((await record('rec-a', 2025)).totals.hours).toBe(3);
  });

  it('members cannot confirm their own logs', async () => {
    const { out } = await serve('rec-b', '环境整治', { start: '2025-06-03 09:00', end: '2025-06-03 11:00', outAt: '2025-06-03 11:00' });
    expect(errorOf(await call('rec-b', 'reviewLog', { logId: out.logId, decision: 'confirm' })).code).toBe('FORBIDDEN');
    const rejected = expectOk(await call<ServiceLogView>(STAFF, 'reviewLog', { logId: out.logId, decision: 'reject', reason: '未见服务记录' }));
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '未见服务记录' });
    expect((await record('rec-b')).totals.hours).toBe(0);
  });
});

describe('补录 (corrections) and self-reported service', () => {
  let activity: ActivityView;
  let original: string;

  beforeAll(async () => {
    // Left at 10:00 but staff checked everyone out at the end: a correction claims the full 3 h.
    const served = await serve('rec-a', '社区义诊', { start: '2025-07-01 09:00', end: '2025-07-01 12:00', outAt: '2025-07-01 10:00' });
    activity = served.activity;
    original = served.out.logId as string;
    expectOk(await call(STAFF, 'reviewLog', { logId: original, decision: 'confirm' }));
  });

  it('hours above the activity’s length → INVALID_ARGUMENT, nothing written', async () => {
    const photo = await uploadPhoto(platform, 'rec-a');
    const error = errorOf(await call('rec-a', 'requestCorrection', { logId: original, hours: 3.5, reason: '签退时手机没电', evidence: [photo], requestId: requestId() }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues).toEqual([{ field: 'hours', message: '补录时长不能超过活动时长（3 小时）' }]);
    expect(await countDocs(platform, 'service_logs', { kind: 'correction', openid: 'rec-a' })).toBe(0);
  });

  it('someone else’s photo as evidence → INVALID_ARGUMENT', async () => {
    const foreign = await uploadPhoto(platform, 'rec-b');
    const error = errorOf(await call('rec-a', 'requestCorrection', { logId: original, hours: 3, reason: '签退时手机没电', evidence: [foreign], requestId: requestId() }));
    expect(error.code).toBe('INVALID_ARGUMENT');
  });

  it('counts only after approval, replacing the original’s hours (which stays, superseded)', async () => {
    const before = (await record('rec-a')).totals;
    const photo = await uploadPhoto(platform, 'rec-a');
    await platform.grantSubscription('rec-a', 'serviceLogReviewed');
    const correction = expectOk(await call<ServiceLogView>('rec-a', 'requestCorrection', { logId: original, hours: 3, reason: '签退时手机没电', evidence: [photo], requestId: requestId() }));
    expect(correction).toMatchObject({ kind: 'correction', status: 'pending', correctsLogId: original, hours: 3, activityId: activity.id });
    expect((await record('rec-a')).totals).toEqual(before);

    expectOk(await call(STAFF, 'reviewLog', { logId: correction.id, decision: 'confirm' }));
    const told = platform.emulator.wx.outbox().filter((m) => m.touser === 'rec-a' && m.template_id === localTemplateId('serviceLogReviewed'));
    expect(told.map((m) => [m.page, m.data.thing1.value, m.data.phrase2.value])).toEqual([['pages/records/index', '社区义诊', '已确认']]);
    const after = await record('rec-a');
    expect(after.totals.hours).toBe(before.hours + 2);
    expect(after.totals.activities).toBe(before.activities);
    expect(after.items.find((l) => l.id === original)).toMatchObject({ status: 'superseded' });
  });

  it('self-reported service with evidence counts after staff confirm it', async () => {
    clock = at('2025-07-05 18:00');
    const photo = await uploadPhoto(platform, 'rec-a');
    const payload = { communityId: HUBIN.id, type: 'home_visit', title: '走访独居老人', serviceDate: '2025-07-05', place: '湖滨社区 3 栋', beneficiaries: '独居老人张某', content: '上门了解生活困难并协助联系维修', hours: 1.5, evidence: [photo], requestId: requestId('self') };
    const [log, retried] = [expectOk(await call<ServiceLogView>('rec-a', 'reportService', payload)), expectOk(await call<ServiceLogView>('rec-a', 'reportService', payload))];
    expect(retried.id).toBe(log.id);
    expect(errorOf(await call('rec-a', 'reportService', { ...payload, hours: 1.2, requestId: requestId() })).details?.issues?.[0]).toEqual({ field: 'hours', message: '服务时长按 0.5 小时计，如 1.5' });
    expect(errorOf(await call('rec-a', 'reportService', { ...payload, evidence: [], requestId: requestId() })).details?.issues?.[0].field).toBe('evidence');
    const pending = expectOk(await call<{ items: ServiceLogView[] }>(STAFF, 'pendingLogs', { communityId: HUBIN.id }));
    expect(pending.items.find((l) => l.id === log.id)?.evidence[0].url).toMatch(/^http/);
    expectOk(await call(STAFF, 'reviewLog', { logId: log.id, decision: 'confirm', rating: 'good' }));
    const mine = await record('rec-a');
    expect(mine.totals.byType).toEqual([
      { type: 'home_visit', label: '民情家访', hours: 1.5 },
      { type: 'volunteer', label: '志愿服务', hours: 6 },
    ]);
  });

  it('tells the member, by the subscribe message they allowed, that reported hours were sent back and why', async () => {
    clock = at('2025-07-06 18:00');
    await platform.grantSubscription('rec-a', 'serviceLogReviewed');
    const photo = await uploadPhoto(platform, 'rec-a');
    const payload = { communityId: HUBIN.id, type: 'home_visit', title: '走访困难家庭', serviceDate: '2025-07-06', place: '湖滨社区 5 栋', beneficiaries: '困难家庭李某', content: '上门了解生活困难并登记需求', hours: 1, evidence: [photo], requestId: requestId('back') };
    const log = expectOk(await call<ServiceLogView>('rec-a', 'reportService', payload));
    expectOk(await call(STAFF, 'reviewLog', { logId: log.id, decision: 'reject', reason: '照片看不清，请重新上传' }));
    const told = platform.emulator.wx.outbox().filter((m) => m.touser === 'rec-a' && m.data.thing1?.value === '走访困难家庭');
    expect(told.map((m) => [m.template_id, m.page, m.data.phrase2.value, m.data.thing3.value])).toEqual([
      [localTemplateId('serviceLogReviewed'), 'pages/records/index', '已退回', '照片看不清，请重新上传'],
    ]);
  });

  it('a non-member cannot report service', async () => {
    const error = errorOf(await call('demo-resident', 'reportService', { communityId: HUBIN.id, type: 'home_visit', title: '走访', serviceDate: '2025-07-05', place: '某处', beneficiaries: '某人', content: '内容', hours: 1, evidence: ['cloud://env.bucket/uploads/demo-resident/a.png'], requestId: requestId() }));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('certificate', () => {
  let certificate: CertificateView;

  it('certifies confirmed hours over a chosen period, with number, code, summary and issuing community', async () => {
    clock = at('2025-08-01 10:00');
    certificate = expectOk(await call<CertificateView>('rec-a', 'issueCertificate', { from: '2025-01-01', to: '2025-07-31', requestId: requestId('cert') }));
    expect(certificate).toMatchObject({ memberName: '钱服务', hours: 7.5, activities: 3, communityName: '湖滨社区', issuedOn: '2025-08-01' });
    expect(certificate.summary).toBe('民情家访 1.5 小时、志愿服务 6 小时（2 类，共 3 次）');
    expect(certificate.certificateNo).toMatch(/^ZY20250801[A-Z2-9]{6}$/);
  });

  it('verifies publicly with the name masked; a wrong code is not genuine', async () => {
    const ok = expectOk(await call<CertificateVerification>(null, 'verifyCertificate', { certificateNo: certificate.certificateNo, code: certificate.verificationCode.toLowerCase() }));
    expect(ok).toMatchObject({ genuine: true, certificate: { memberName: '钱**', hours: 7.5, communityName: '湖滨社区' } });
    expect(JSON.stringify(ok)).not.toContain('钱服务');
    expect(JSON.stringify(ok)).not.toContain(certificate.verificationCode);
    const wrong = expectOk(await call<CertificateVerification>(null, 'verifyCertificate', { certificateNo: certificate.certificateNo, code: 'ABCDEFGH' }));
    expect(wrong.genuine).toBe(false);
    expect(errorOf(await call(null, 'verifyCertificate', { certificateNo: '123', code: 'ABCDEFGH' })).code).toBe('INVALID_ARGUMENT');
  });

  it('refuses a period with nothing confirmed, and a period ending after today', async () => {
    expect(errorOf(await call('rec-a', 'issueCertificate', { from: '2024-01-01', to: '2024-12-31', requestId: requestId() })).code).toBe('FAILED_PRECONDITION');
    expect(errorOf(await call('rec-a', 'issueCertificate', { from: '2025-01-01', to: '2025-12-31', requestId: requestId() })).details?.issues?.[0].field).toBe('to');
  });
});

describe('the record page costs the same with 10 000 logs as with 10', () => {
  async function seedLogs(openid: string, count: number) {
    const docs = Array.from({ length: count }, (_, i) => ({
      _id: `bulk-${openid}-${i}`, kind: 'activity', status: 'confirmed', openid, memberName: '钱服务', communityId: HUBIN.id, communityName: '湖滨社区',
      activityId: null, attendanceId: null, correctsLogId: null, supersededBy: null, type: 'volunteer', title: `活动${i}`,
      serviceDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-10`, year: 2024, place: '湖滨社区', beneficiaries: '居民', content: '服务', hours: 1,
      reason: null, evidence: [], rating: 'pass', personInCharge: '王主任', recorder: '签到签退记录', reviewedBy: STAFF, reviewedByName: '社区工作人员',
      reviewedAt: new Date(), rejectReason: null, createdAt: new Date(2024, 0, 1, 0, 0, i % 60),
    }));
    for (let i = 0; i < docs.length; i += 1000) {
      await platform.emulator.database.handle('database.insertDocument', { collectionName: 'service_logs', data: docs.slice(i, i + 1000).map((d) => EJSON.stringify(d, { relaxed: false })) });
    }
  }

  it('two round trips either way', async () => {
    await seedLogs('rec-big', 10_000);
    await seedLogs('rec-small', 10);
    const big = await call<MyRecordView>('rec-big', 'myRecord', { year: 2024 });
    const small = await call<MyRecordView>('rec-small', 'myRecord', { year: 2024 });
    expect(expectOk(big).items).toHaveLength(50);
    expect(expectOk(small).items).toHaveLength(10);
    expect(await platform.roundTrips(big.invocationId)).toBe(2);
    expect(await platform.roundTrips(small.invocationId)).toBe(2);
  }, 120_000);
});
