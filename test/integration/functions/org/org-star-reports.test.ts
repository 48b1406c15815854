import type { LedgerTable } from '../../../../src/domain/ledger-table';
import type { PublicStarRow, StarAssessmentView, StarOverview, StarReportRow, StarReportView, StarTableView } from '../../../../src/domain/star.schema';
import { errorOf, expectOk, startTestPlatform, type CallResult, type TestPlatform } from '../../../helpers/local-platform';
import { insertDocs, storedDoc } from '../../../fixtures/database';
import { requestId } from '../../../fixtures/builders';

/**
 * 五星创评, part 2: the half-yearly 报送 of the 星级评定情况统计表 to the level above, the reference figures beside
 * 骨干队伍 and 工作业绩 (computed from pledges, service summaries and the 四进四联 counters), and the round-trip budget
 * of every stars list and table, the same with a handful of documents and with many.
 */
let platform: TestPlatform;
const clock = new Date('2026-08-03T02:00:00.000Z'); // Monday 10:00 Shanghai, second half of 2026
const YEAR = 2026;

const STREET = 'o-rep-street';
const C1 = 'o-rep-c1';
const C2 = 'o-rep-c2';
const B1 = 'o-rep-b1';
const B2 = 'o-rep-b2';
const B3 = 'o-rep-b3';
const COMMUNITY = 'c-rep-1';

const SEC = 'rep-secretary';
const RATER1 = 'rep-rater-1';
const RATER2 = 'rep-rater-2';
const ABOVE = 'rep-street-staff';

const grant = (scopeId: string) => [{ role: 'org_staff', scopeType: 'organisation', scopeId, scopeName: scopeId }];
const person = (openid: string, name: string, grants: unknown[] = [], branchId: string | null = null) => ({
  _id: openid,
  openid,
  communityId: null,
  grants,
  createdAt: new Date(),
  member: { name, phone: '13800000009', workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委', partyBranch: '报送第一党支部', branchId, skills: [] },
});
const node = (_id: string, type: string, name: string, parentId: string | null, ancestors: string[], extra: Record<string, unknown> = {}) => ({
  _id, type, name, ancestors, status: 'active', parentId, parentName: null, secretaryOpenid: null, secretaryName: null,
  contactOpenid: null, contactName: null, communityId: null, unitId: null, mergedInto: null, createdAt: new Date(), updatedAt: new Date(), ...extra,
});
const pledge = (i: number, grade: string | null) => ({
  _id: `p-rep-${i}`, openid: `rep-member-${i}`, memberName: `党员${i}`, workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委',
  branchId: B1, branchName: '报送第一党支部', orgPath: [STREET, C1, B1], year: YEAR, slot: 1, requestIdOf: `r${i}`, text: '每月到社区服务一次',
  category: 'service', targetDate: '2026-12-31', status: 'approved', returnReason: null, reviewedBy: SEC, reviewedAt: new Date(), progress: [],
  rating: grade ? { grade, comment: '', by: SEC, at: new Date() } : null, createdAt: new Date(),
});
const summary = (openid: string, hours: number, activities: number) => ({
  _id: openid, hours: hours + 5, activities: activities + 1, byType: {}, years: { y2025: { hours: 5, activities: 1, byType: {} }, [`y${YEAR}`]: { hours, activities, byType: {} } },
});
const counter = (month: string, values: Record<string, number>) => ({ _id: `community:${COMMUNITY}:${month}`, scopeType: 'community', scopeId: COMMUNITY, period: month, ...values });

const org = <T>(openid: string | null, payload: Record<string, unknown>) => platform.call<T>('org', openid, payload);
const trips = async (result: Promise<CallResult<unknown>>) => {
  const r = await result;
  expectOk(r);
  return platform.roundTrips(r.invocationId);
};

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await insertDocs(platform, 'organisations', [
    node(STREET, 'street_committee', '报送街道党工委', null, []),
    node(C1, 'community_org', '报送第一社区党委', STREET, [STREET]),
    node(C2, 'community_org', '报送第二社区党委', STREET, [STREET]),
    node(B1, 'branch', '报送第一党支部', C1, [STREET, C1], { secretaryOpenid: SEC, secretaryName: '郑书记', communityId: COMMUNITY }),
    node(B2, 'branch', '报送第二党支部', C1, [STREET, C1]),
    node(B3, 'branch', '报送第三党支部', C2, [STREET, C2]),
  ]);
  await insertDocs(platform, 'users', [
    person(SEC, '郑书记', [], B1),
    person('rep-member-1', '党员1', [], B1),
    person('rep-member-2', '党员2', [], B1),
    person(RATER1, '冯委员', grant(C1)),
    person(RATER2, '陈委员', grant(C2)),
    person(ABOVE, '褚部长', grant(STREET)),
  ]);
  // 骨干队伍: four approved pledges (two kept, one partly, one not yet rated); two members served this year.
  await insertDocs(platform, 'pledges', [pledge(1, 'fulfilled'), pledge(2, 'fulfilled'), pledge(3, 'partial'), pledge(4, null)]);
  await insertDocs(platform, 'service_summaries', [summary('rep-member-1', 6.5, 3), summary('rep-member-2', 2, 1)]);
  // 工作业绩: the community's counters in March and July (and one of last year, which must not count).
  await insertDocs(platform, 'stat_counters', [
    counter('2026-03', { participants: 2, checkinConfirmed: 3, wishClaimed: 1, wishFunds: 100, qReceived: 4, qAnswered: 3, wishClosed: 1 }),
    counter('2026-07', { participants: 1, checkinConfirmed: 1, wishClaimed: 2, wishFunds: 50, qReceived: 1, qAnswered: 1, wishClosed: 2 }),
    counter('2025-12', { participants: 9, checkinConfirmed: 9, wishClaimed: 9, wishFunds: 900, qReceived: 9, qAnswered: 9, wishClosed: 9 }),
  ]);
  expectOk(await org(RATER1, { action: 'openStarCycle', orgId: C1, year: YEAR }));
  expectOk(await org(RATER2, { action: 'openStarCycle', orgId: C2, year: YEAR }));
}, 60_000);
afterAll(() => platform?.close());

describe('the 统计表 is reported (报送) to the level above every half year, once', () => {
  const report = (openid: string, half: number, extra: Record<string, unknown> = {}) => org<StarReportView>(openid, { action: 'reportStarStatistics', orgId: C1, year: YEAR, half, ...extra });

  it('lets only the rating organisation report, and not a half-year that has not begun', async () => {
    // The level above manages the rating organisation's subtree, yet the 报送 is the rating organisation's own act.
    expect(errorOf(await report(ABOVE, 1))).toMatchObject({ code: 'FORBIDDEN', message: '只有评定组织本级的党组织工作人员可以报送统计表' });
    expect(expectOk(await org<StarReportView>(ABOVE, { action: 'starReport', orgId: C1, year: YEAR, half: 1 })).canSubmit).toBe(false);
    expect(errorOf(await report('demo-admin', 1)).code).toBe('FORBIDDEN');
    expect(errorOf(await report(RATER2, 1)).code).toBe('FORBIDDEN');
    expect(errorOf(await org(RATER1, { action: 'reportStarStatistics', orgId: C1, year: YEAR + 1, half: 1 })).details?.issues).toEqual([{ field: 'half', message: '2027年上半年尚未开始，不能报送' }]);
    expect(errorOf(await report(RATER1, 3)).code).toBe('INVALID_ARGUMENT');
    expect(expectOk(await org<StarReportView>(RATER1, { action: 'starReport', orgId: C1, year: YEAR, half: 1 }))).toEqual({ periodLabel: '2026年上半年', submission: null, canSubmit: true });
  });

  it('stores the table as reported and refuses a second 报送 of the same half; a retry with the same request id gets the first result', async () => {
    const id = requestId('star-report');
    const first = expectOk(await report(RATER1, 1, { requestId: id }));
    expect(first).toMatchObject({ periodLabel: '2026年上半年', submission: { submittedByName: '冯委员' }, canSubmit: false });
    expect(expectOk(await report(RATER1, 1, { requestId: id }))).toEqual(first);
    expect(errorOf(await report(RATER1, 1))).toMatchObject({ code: 'CONFLICT', message: '本半年度星级评定情况统计表已报送，不能重复报送' });
    const stored = await storedDoc<{ snapshot: LedgerTable; scopeId: string; period: string }>(platform, 'stat_counters', `submission:${C1}:star-${YEAR}-H1`);
    expect(stored).toMatchObject({ scopeId: C1, period: `star-${YEAR}-H1`, snapshot: { title: '星级评定情况统计表', periodLabel: '2026年上半年报送' } });
    expect(expectOk(await org<StarReportView>(RATER1, { action: 'starReport', orgId: C1, year: YEAR, half: 1 })).canSubmit).toBe(false);
    // The second half is a report of its own.
    expect(expectOk(await org<StarReportView>(RATER1, { action: 'starReport', orgId: C1, year: YEAR, half: 2 })).canSubmit).toBe(true);
  });

  it('shows the level above who has and has not reported, those still to report first; nobody else sees it', async () => {
    const list = expectOk(await org<{ periodLabel: string; submittedCount: number; rows: StarReportRow[] }>(ABOVE, { action: 'starReports', orgId: STREET, year: YEAR, half: 1 }));
    expect(list.submittedCount).toBe(1);
    expect(list.rows.map((r) => [r.orgName, r.submitted])).toEqual([['报送第二社区党委', false], ['报送第一社区党委', true]]);
    expect(errorOf(await org(RATER1, { action: 'starReports', orgId: STREET, year: YEAR, half: 1 }))).toMatchObject({ code: 'FORBIDDEN', message: '只有上级党组织的工作人员可以查看报送情况' });
    expect(errorOf(await org(ABOVE, { action: 'starReports', year: YEAR, half: 1 })).code).toBe('FORBIDDEN');
    // The quarterly 四进四联 报送 list is not mixed up with these.
    expect(expectOk(await platform.call<{ submittedCount: number }>('ledger', 'demo-admin', { action: 'submissions', year: YEAR, quarter: 1 })).submittedCount).toBe(0);
  });
});

describe('reference figures beside 骨干队伍 and 工作业绩 are computed from the records', () => {
  it('shows the pledges by grade, the members’ confirmed service this year and the community’s 四进四联 figures of the year', async () => {
    const view = expectOk(await org<StarAssessmentView>(SEC, { action: 'starAssessment', branchId: B1, year: YEAR }));
    const value = (label: string) => view.references.find((r) => r.label === label)?.value;
    expect(view.references.filter((r) => r.itemKey === 'backbone').map((r) => r.label)).toEqual(['党员承诺践诺', '党员志愿服务']);
    expect(value('党员承诺践诺')).toBe('本年度定诺 4 项：已践诺 2 项，部分践诺 1 项，未践诺 0 项，尚未评定 1 项');
    expect(value('党员志愿服务')).toBe('本支部 3 名党员中 2 名本年度有经确认的志愿服务，共 8.5 小时、4 次');
    expect(view.references.find((r) => r.itemKey === 'performance')).toEqual({
      itemKey: 'performance',
      label: '所在社区“四进四联”（本年度）',
      value: '参与党员干部人次 3，建立连心点数 4，结对帮扶群众数 3，提供帮扶资金数（元） 150，征求意见建议数 5，帮助解决问题数 4，实现群众微心愿数 3',
    });
  });
});

describe('the 五星创评 to-do list behind the workbench entry', () => {
  type Work = { items: { kind: string; branchId: string; label: string }[] };
  const work = async (openid: string) => expectOk(await org<Work>(openid, { action: 'myStarWork', year: YEAR })).items.map((i) => [i.kind, i.branchId]);

  it('lists 自评 for the secretary, then 审核 for the level above, never for anyone out of scope, in bounded reads', async () => {
    expect(await work(SEC)).toEqual([['selfAssess', B1]]);
    expect(await work(RATER1)).toEqual([]);
    expect(await work('demo-resident')).toEqual([]);
    const submit = { action: 'selfAssessStar', branchId: B1, year: YEAR, deductions: [{ itemKey: 'leadership', ruleCode: 'no-reelection', points: 5, reason: '任期届满未换届' }], bonus: 0, proposedStars: 5, starReason: '', domain: '社区', situation: '支部有党员 3 名', submit: true };
    expect(errorOf(await org(SEC, submit)).code).toBe('INVALID_ARGUMENT');
    expectOk(await org(SEC, { ...submit, proposedStars: 4 }));
    expect(await work(SEC)).toEqual([]);
    expect(await work(RATER1)).toEqual([['review', B1]]);
    expect(await work(RATER2)).toEqual([]);
    const listed = await org<Work>(RATER1, { action: 'myStarWork', year: YEAR });
    expect(await platform.roundTrips(listed.invocationId)).toBeLessThanOrEqual(3);
  });
});

describe('every stars list and table stays within its round-trip budget, with few documents and with many', () => {
  const calls: [string, string, () => Record<string, unknown>][] = [
    ['rating overview', RATER1, () => ({ action: 'starOverview', orgId: C1, year: YEAR })],
    ['公示', '', () => ({ action: 'publicStars', orgId: C1, year: YEAR })],
    ['statistics table', RATER1, () => ({ action: 'starTable', orgId: C1, year: YEAR, table: 'statistics' })],
    ['台账', RATER1, () => ({ action: 'starTable', orgId: C1, year: YEAR, table: 'ledger' })],
    ['objections', RATER1, () => ({ action: 'starObjections', orgId: C1, year: YEAR })],
    ['报送 status', RATER1, () => ({ action: 'starReport', orgId: C1, year: YEAR, half: 2 })],
    ['报送 list of the level above', ABOVE, () => ({ action: 'starReports', orgId: STREET, year: YEAR, half: 1 })],
    ['one branch with its history and references', SEC, () => ({ action: 'starAssessment', branchId: B1, year: YEAR })],
    ['五星创评 to-do list', RATER1, () => ({ action: 'myStarWork', year: YEAR })],
  ];
  const BUDGET: Record<string, number> = {
    'rating overview': 3,
    公示: 3,
    'statistics table': 3,
    台账: 4,
    objections: 3,
    '报送 status': 4,
    '报送 list of the level above': 4,
    'one branch with its history and references': 11,
    '五星创评 to-do list': 3,
  };
  const measure = async () => {
    const out: Record<string, number> = {};
    for (const [name, openid, payload] of calls) out[name] = await trips(org(openid || null, payload()));
    return out;
  };

  it('reads a fixed number of times however many branches, objections, members, cycles and history entries there are', async () => {
    const few = await measure();
    for (const [name, n] of Object.entries(few)) expect([name, n]).toEqual([name, Math.min(n, BUDGET[name])]);

    const MANY = 150;
    const branchIds = Array.from({ length: MANY }, (_, i) => `o-rep-many-${String(i).padStart(3, '0')}`);
    await insertDocs(platform, 'organisations', branchIds.map((id, i) => node(id, 'branch', `批量第${i}党支部`, C1, [STREET, C1], { secretaryName: `书记${i}` })));
    const template = (await storedDoc<Record<string, unknown>>(platform, 'star_assessments', `sa-${YEAR}-${B2}`)) as Record<string, unknown>;
    await insertDocs(platform, 'star_assessments', branchIds.map((id, i) => ({
      ...template, _id: `sa-${YEAR}-${id}`, branchId: id, branchName: `批量第${i}党支部`, status: 'publicised', stars: 1 + (i % 3),
      publicityEndsAt: new Date('2026-08-10T15:59:59.999Z'), ratedAt: clock, history: Array.from({ length: 30 }, () => ({ at: clock, byOpenid: RATER1, step: 'rate', from: 'reviewed', to: 'publicised', note: '' })),
    })));
    await insertDocs(platform, 'star_objections', Array.from({ length: MANY }, (_, i) => ({
      _id: `so-rep-${i}`, ratingOrgId: C1, year: YEAR, branchId: branchIds[i], branchName: `批量第${i}党支部`, objectorOpenid: `rep-objector-${i}`, objectorName: `异议人${i}`,
      reason: '该支部活动开展不经常', requestId: `r-${i}`, at: clock, outcome: null, reply: null, answeredBy: null, answeredAt: null,
    })));
    await insertDocs(platform, 'star_cycles', Array.from({ length: 40 }, (_, i) => ({
      _id: `sc-o-rep-extra-${i}-${YEAR}`, ratingOrgId: `o-rep-extra-${i}`, ratingOrgName: `批量社区党委${i}`, ratingOrgAncestors: [STREET], year: YEAR, sheet: {}, sheetStatus: 'frozen', openedBy: RATER1, openedAt: clock,
    })));
    await insertDocs(platform, 'users', Array.from({ length: 80 }, (_, i) => person(`rep-many-member-${i}`, `党员甲${i}`, [], B1)));
    await insertDocs(platform, 'service_summaries', Array.from({ length: 80 }, (_, i) => summary(`rep-many-member-${i}`, 1, 1)));
    await insertDocs(platform, 'pledges', Array.from({ length: 60 }, (_, i) => pledge(100 + i, 'fulfilled')));

    const many = await measure();
    expect(many).toEqual(few);
    // The lists did read the many documents (the budget is not met by reading nothing).
    expect(expectOk(await org<{ rows: PublicStarRow[] }>(null, { action: 'publicStars', orgId: C1, year: YEAR })).rows.length).toBe(MANY);
    expect(expectOk(await org<StarOverview>(RATER1, { action: 'starOverview', orgId: C1, year: YEAR })).rows.length).toBe(MANY + 2);
    expect(expectOk(await org<StarTableView>(RATER1, { action: 'starTable', orgId: C1, year: YEAR, table: 'ledger' })).table.rows.length).toBe(MANY + 2);
    expect(expectOk(await org<{ rows: StarReportRow[] }>(ABOVE, { action: 'starReports', orgId: STREET, year: YEAR, half: 1 })).rows.length).toBe(42);
  });
});
