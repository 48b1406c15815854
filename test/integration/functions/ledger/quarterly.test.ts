import type { LedgerTable } from '../../../../src/domain/ledger-table';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { uploadPhoto } from '../../../helpers/upload-photo';
import { aQuestion, aWishInput, requestId } from '../../../fixtures/builders';
import { sdkFor } from '../../../helpers/emulator-sdk';
import { ADMIN, CITY_ORGAN, HUBIN, OTHER_STAFF, POWER_SUPPLY, RESIDENT, STAFF, STREET_STAFF, UNIT_ADMIN } from '../../../fixtures/personas';
import { gcjReading, northOf, registerMember } from '../checkin/checkin-fixtures';

/**
 * The seven columns of the 四进四联 统计表, built by the real transitions around the Q3/Q4 edge in Asia/Shanghai
 * (2026-09-30 23:59 and 2026-10-01 00:00), read back per unit and per community, then reconciled from the records.
 */
const Q3_LAST_MINUTE = new Date('2026-09-30T15:59:00Z');
const Q4_FIRST_MINUTE = new Date('2026-09-30T16:00:00Z');
let clock = Q3_LAST_MINUTE;
let platform: TestPlatform;
const HELPER = 'lq-helper';
const WISH_VALUE = 120;

type View = { table: LedgerTable; submission: { submittedAt: string } | null; canSubmit: boolean };
const table = async (openid: string, scopeType: 'unit' | 'community', scopeId: string, quarter: number) =>
  expectOk(await platform.call<View>('ledger', openid, { action: 'quarterly', scopeType, scopeId, year: 2026, quarter }));
const totals = async (openid: string, scopeType: 'unit' | 'community', scopeId: string, quarter: number) => (await table(openid, scopeType, scopeId, quarter)).table.totals;

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock, postLimits: { wish: 100, question: 100, serviceLog: 100 } });
  // Q3's last minute: a wish posted, approved and claimed; a question asked; a 报到 submitted; a service done.
  await registerMember(platform, HELPER, '刘帮扶');
  const posted = expectOk(await platform.call<{ id: string }>('wish', RESIDENT, { action: 'post', ...aWishInput({ value: WISH_VALUE }) }));
  expectOk(await platform.call('wish', STAFF, { action: 'review', wishId: posted.id, decision: 'approve' }));
  expectOk(await platform.call('wish', HELPER, { action: 'claim', wishId: posted.id }));
  const asked = expectOk(await platform.call<{ id: string }>('qa', RESIDENT, aQuestion()));
  expectOk(await platform.call('checkin', HELPER, { action: 'report', communityId: HUBIN.id, ...gcjReading(northOf(HUBIN, 100)) }));
  const service = (serviceDate: string) =>
    platform.call<{ id: string }>('checkin', HELPER, {
      action: 'reportService',
      communityId: HUBIN.id,
      type: 'volunteer',
      title: '清理楼道杂物',
      serviceDate,
      place: '湖滨社区 3 栋',
      beneficiaries: '3 栋居民',
      content: '清理楼道堆放的杂物，消除消防隐患。',
      hours: 2,
      evidence: [photo],
      requestId: requestId('svc'),
    });
  const photo = await uploadPhoto(platform, HELPER);
  const september = expectOk(await service('2026-09-30'));
  expectOk(await platform.call('checkin', STAFF, { action: 'reviewLog', logId: september.id, decision: 'confirm', rating: 'good' }));

  // Q4's first minute: the wish delivered and closed, the question accepted and answered, the 报到 confirmed.
  clock = Q4_FIRST_MINUTE;
  expectOk(await platform.call('wish', HELPER, { action: 'deliver', wishId: posted.id, photos: [await uploadPhoto(platform, HELPER)], note: '已送到家中' }));
  expectOk(await platform.call('wish', RESIDENT, { action: 'move', wishId: posted.id, event: 'confirm' }));
  expectOk(await platform.call('qa', STAFF, { action: 'accept', id: asked.id }));
  expectOk(await platform.call('qa', STAFF, { action: 'answer', id: asked.id, content: '已联系物业维修，今晚恢复照明。', requestId: requestId('ans') }));
  expectOk(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: HELPER, decision: 'confirm' }));
  const october = expectOk(await service('2026-10-01'));
  expectOk(await platform.call('checkin', STAFF, { action: 'reviewLog', logId: october.id, decision: 'confirm', rating: 'good' }));
  const again = expectOk(await service('2026-10-01'));
  expectOk(await platform.call('checkin', STAFF, { action: 'reviewLog', logId: again.id, decision: 'confirm', rating: 'good' }));
}, 120_000);

afterAll(() => platform?.close());

describe('each column counts what its definition says, in the quarter it happened (Asia/Shanghai)', () => {
  it('the unit’s Q3: the claim (结对帮扶) and its member’s first service (参与党员干部数); nothing closed yet', async () => {
    expect(await totals(UNIT_ADMIN, 'unit', CITY_ORGAN.id, 3)).toEqual({ month: '季度合计', participants: 1, linkPoints: 0, paired: 1, funds: 0, opinions: 0, solved: 0, wishes: 0 });
  });

  it('the unit’s Q4: the wish closed with its value, the 报到 confirmed, one participant despite two services', async () => {
    expect(await totals(UNIT_ADMIN, 'unit', CITY_ORGAN.id, 4)).toEqual({ month: '季度合计', participants: 1, linkPoints: 1, paired: 0, funds: WISH_VALUE, opinions: 0, solved: 0, wishes: 1 });
  });

  it('the community’s Q3 has the question asked; its Q4 the answer, by month', async () => {
    expect(await totals(STAFF, 'community', HUBIN.id, 3)).toMatchObject({ opinions: 1, solved: 0, paired: 1, wishes: 0, participants: 1 });
    const q4 = await table(STAFF, 'community', HUBIN.id, 4);
    expect(q4.table.totals).toMatchObject({ opinions: 0, solved: 1, paired: 0, wishes: 1, funds: WISH_VALUE, linkPoints: 1, participants: 1 });
    expect(q4.table.rows.map((r) => r.solved)).toEqual([1, 0, 0]);
    expect(q4.table.definitions.map((d) => d.column)).toContain('实现群众微心愿数');
  });

  it('another unit sees none of it', async () => {
    expect(await totals(ADMIN, 'unit', POWER_SUPPLY.id, 4)).toMatchObject({ participants: 0, paired: 0, wishes: 0, funds: 0 });
  });

  it('costs at most three round trips', async () => {
    const res = await platform.call('ledger', UNIT_ADMIN, { action: 'quarterly', scopeType: 'unit', scopeId: CITY_ORGAN.id, year: 2026, quarter: 4 });
    expectOk(res);
    expect(await platform.roundTrips(res.invocationId)).toBeLessThanOrEqual(3);
  });
});

describe('periods and scope', () => {
  it('refuses a quarter that has not begun', async () => {
    const error = errorOf(await platform.call('ledger', UNIT_ADMIN, { action: 'quarterly', scopeType: 'unit', scopeId: CITY_ORGAN.id, year: 2027, quarter: 1 }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ field: 'quarter', message: '2027年第1季度尚未开始，不能统计' }] } });
  });

  it('shows a unit to its own admin only, a community to its staff and its street', async () => {
    const forbidden = async (openid: string, scopeType: 'unit' | 'community', scopeId: string) =>
      errorOf(await platform.call('ledger', openid, { action: 'quarterly', scopeType, scopeId, year: 2026, quarter: 3 })).code;
    expect(await forbidden(UNIT_ADMIN, 'unit', POWER_SUPPLY.id)).toBe('FORBIDDEN');
    expect(await forbidden(UNIT_ADMIN, 'community', HUBIN.id)).toBe('FORBIDDEN');
    expect(await forbidden(STAFF, 'unit', CITY_ORGAN.id)).toBe('FORBIDDEN');
    expect(await forbidden(OTHER_STAFF, 'community', HUBIN.id)).toBe('FORBIDDEN');
    expect(await totals(STREET_STAFF, 'community', HUBIN.id, 3)).toMatchObject({ opinions: 1 });
  });
});

describe('报送', () => {
  it('the unit admin submits a quarter once; the level above sees who has and has not', async () => {
    const before = await table(UNIT_ADMIN, 'unit', CITY_ORGAN.id, 3);
    expect(before).toMatchObject({ submission: null, canSubmit: true });
    expect(errorOf(await platform.call('ledger', ADMIN, { action: 'submitQuarterly', unitId: CITY_ORGAN.id, year: 2026, quarter: 3 })).code).toBe('FORBIDDEN');

    const submitted = expectOk(await platform.call<View>('ledger', UNIT_ADMIN, { action: 'submitQuarterly', unitId: CITY_ORGAN.id, year: 2026, quarter: 3, requestId: requestId('sub') }));
    expect(submitted.submission?.submittedAt).toBe('2026-10-01 00:00');
    expect(submitted.table.totals).toEqual(before.table.totals);
    expect(errorOf(await platform.call('ledger', UNIT_ADMIN, { action: 'submitQuarterly', unitId: CITY_ORGAN.id, year: 2026, quarter: 3 }))).toMatchObject({
      code: 'CONFLICT',
      message: '本季度统计表已报送，不能重复报送',
    });
    expect(await table(UNIT_ADMIN, 'unit', CITY_ORGAN.id, 3)).toMatchObject({ submission: { submittedAt: '2026-10-01 00:00' }, canSubmit: false });

    const list = expectOk(await platform.call<{ submittedCount: number; rows: { unitId: string; submitted: boolean }[] }>('ledger', STREET_STAFF, { action: 'submissions', year: 2026, quarter: 3 }));
    expect(list.submittedCount).toBe(1);
    expect(list.rows.find((r) => r.unitId === CITY_ORGAN.id)?.submitted).toBe(true);
    expect(list.rows.find((r) => r.unitId === POWER_SUPPLY.id)?.submitted).toBe(false);
    expect(errorOf(await platform.call('ledger', STAFF, { action: 'submissions', year: 2026, quarter: 3 })).code).toBe('FORBIDDEN');
  });
});

describe('reconciliation', () => {
  it('finds the incremented counters right, and puts drifted or missing ones right', async () => {
    const first = (await platform.fireTimer('ledger', 'reconcileStatCounters')) as { ok: boolean; data: { fixed: number } };
    expect(first).toMatchObject({ ok: true, data: { fixed: 0 } });

    const counters = sdkFor(platform.emulatorUrl).database().collection('stat_counters');
    await counters.doc(`community:${HUBIN.id}:2026-10`).update({ wishClosed: 7, qSatisfied: 3, qRated: 3 });
    await counters.doc(`unit:${CITY_ORGAN.id}:2026-09`).remove();
    // The distinct 参与 count and a unit's received questions are recomputed too, not only kept.
    await counters.doc(`unit:${CITY_ORGAN.id}:2026-10`).update({ participants: 4, qReceived: 2 });
    const fixed = (await platform.fireTimer('ledger', 'reconcileStatCounters')) as { data: { fixed: number } };
    expect(fixed.data.fixed).toBe(3);
    expect(await totals(STAFF, 'community', HUBIN.id, 4)).toMatchObject({ wishes: 1 });
    expect(await totals(UNIT_ADMIN, 'unit', CITY_ORGAN.id, 3)).toMatchObject({ paired: 1, participants: 1 });
    expect(await totals(UNIT_ADMIN, 'unit', CITY_ORGAN.id, 4)).toMatchObject({ participants: 1, opinions: 0 });
    const hubinOctober = (await counters.doc(`community:${HUBIN.id}:2026-10`).get()).data[0] as Record<string, number>;
    expect([hubinOctober.qRated, hubinOctober.qSatisfied]).toEqual([0, 0]);
  });
});

describe('the street / district dashboard', () => {
  type Dashboard = { table: LedgerTable; trend: { month: string; wishClosed: number; hours: number }[] };
  const dashboard = (openid: string, payload: Record<string, unknown>) => platform.call<Dashboard>('ledger', openid, { action: 'dashboard', from: '2026-09', to: '2026-10', ...payload });

  it('shows each community of the street with its rates, and the trend by month, in three round trips', async () => {
    const res = await dashboard(STREET_STAFF, { streetId: HUBIN.streetId });
    const view = expectOk(res);
    expect(await platform.roundTrips(res.invocationId)).toBeLessThanOrEqual(3);
    const hubin = view.table.rows.find((r) => r.community === HUBIN.name);
    expect(hubin).toMatchObject({ checkinRate: 1, hours: 6, wishPosted: 1, wishClaimed: 1, wishClosed: 1, qResponse: 1, qSolved: 1 });
    // Nothing rated: a rate without a denominator is shown as —, not 0 %.
    expect(hubin?.qSatisfied).toBeNull();
    expect(view.trend.map((m) => [m.month, m.wishClosed, m.hours])).toEqual([
      ['2026-09', 0, 2],
      ['2026-10', 1, 4],
    ]);
  });

  it('is for street staff of that street and the district only; periods are checked', async () => {
    expect(errorOf(await dashboard(STAFF, { streetId: HUBIN.streetId })).code).toBe('FORBIDDEN');
    expect(errorOf(await dashboard(STREET_STAFF, { streetId: 'st-elsewhere' })).code).toBe('FORBIDDEN');
    expect(errorOf(await dashboard(STREET_STAFF, {})).code).toBe('FORBIDDEN');
    expect(expectOk(await dashboard(ADMIN, {})).table.rows.length).toBeGreaterThanOrEqual(3);
    expect(errorOf(await dashboard(ADMIN, { from: '2026-10', to: '2026-09' }))).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ field: 'from', message: '开始月份不能晚于结束月份' }] } });
    expect(errorOf(await dashboard(ADMIN, { from: '2026-10', to: '2026-11' }))).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ field: 'to', message: '结束月份不能晚于本月' }] } });
  });
});
