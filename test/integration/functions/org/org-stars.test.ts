import type { PublicStarRow, StarAssessmentView, StarObjectionView, StarOverview, StarTableView } from '../../../../src/domain/star.schema';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { insertDocs, storedDoc } from '../../../fixtures/database';
import { requestId } from '../../../fixtures/builders';
import { RESIDENT } from '../../../fixtures/personas';

/**
 * 五星创评 through the org function: a street rates four branches of one community. Branches self-assess, the
 * community's staff review, the street's staff rate within the quotas (a set breaking the 三星 quota is refused and
 * names it), the result goes on 公示, a resident objects, the review reopens, and the statistics are exported.
 */
let platform: TestPlatform;
const clock = new Date('2026-03-02T02:00:00.000Z'); // Monday 10:00 Shanghai
const YEAR = 2026;

const STREET = 'o-star-street';
const COMMUNITY = 'o-star-community';
const OTHER_STREET = 'o-star-street-2';
const B = ['o-star-b1', 'o-star-b2', 'o-star-b3', 'o-star-b4'];

const SEC1 = 'star-secretary-1'; // secretary of b1 and b3
const SEC2 = 'star-secretary-2'; // secretary of b2 and, at the same time, 党组织工作人员 of the community
const REVIEWER = 'star-community-staff';
const RATER = 'star-street-staff';
const OUTSIDER = 'star-other-street-staff';

const grant = (scopeId: string) => [{ role: 'org_staff', scopeType: 'organisation', scopeId, scopeName: scopeId }];
const person = (openid: string, name: string, grants: unknown[] = []) => ({
  _id: openid,
  openid,
  communityId: null,
  grants,
  createdAt: new Date(),
  member: { name, phone: '13800000009', workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委', partyBranch: '星评第一党支部', branchId: B[0], skills: [] },
});
const node = (_id: string, type: string, name: string, parentId: string | null, ancestors: string[], secretaryOpenid: string | null = null) => ({
  _id, type, name, ancestors, status: 'active', parentId, parentName: null, secretaryOpenid, secretaryName: secretaryOpenid ? `${name}书记` : null,
  contactOpenid: null, contactName: null, communityId: null, unitId: null, mergedInto: null, createdAt: new Date(), updatedAt: new Date(),
});

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await insertDocs(platform, 'organisations', [
    node(STREET, 'street_committee', '星评街道党工委', null, []),
    node(OTHER_STREET, 'street_committee', '另一街道党工委', null, []),
    node(COMMUNITY, 'community_org', '星评社区党委', STREET, [STREET]),
    node(B[0], 'branch', '星评第一党支部', COMMUNITY, [STREET, COMMUNITY], SEC1),
    node(B[1], 'branch', '星评第二党支部', COMMUNITY, [STREET, COMMUNITY], SEC2),
    node(B[2], 'branch', '星评第三党支部', COMMUNITY, [STREET, COMMUNITY], SEC1),
    node(B[3], 'branch', '星评第四党支部', COMMUNITY, [STREET, COMMUNITY]),
  ]);
  await insertDocs(platform, 'users', [
    person(SEC1, '赵书记'),
    person(SEC2, '钱书记', grant(COMMUNITY)),
    person(REVIEWER, '孙委员', grant(COMMUNITY)),
    person(RATER, '李部长', grant(STREET)),
    person(OUTSIDER, '周干事', grant(OTHER_STREET)),
  ]);
}, 60_000);
afterAll(() => platform?.close());

const org = <T>(openid: string | null, payload: Record<string, unknown>) => platform.call<T>('org', openid, payload);

/** 领导班子 不按期换届 −5, plus 工作业绩 酌情 `extra`: 95 − extra points. */
const scoring = (extra: number, proposedStars: number, starReason = '') => ({
  deductions: [
    { itemKey: 'leadership', ruleCode: 'no-reelection', points: 5, reason: '支部委员会任期届满未按期换届' },
    ...(extra > 0 ? [{ itemKey: 'performance', points: extra, reason: '年度考核排名中等' }] : []),
  ],
  bonus: 0,
  proposedStars,
  starReason,
});
const selfAssess = (branchId: string, extra: number, stars: number) => ({
  action: 'selfAssessStar', branchId, year: YEAR, ...scoring(extra, stars), domain: '社区', situation: '支部有党员 23 名，按期开展三会一课', submit: true,
});
const review = (branchId: string, extra: number, stars: number) => ({
  action: 'reviewStar', branchId, year: YEAR, decision: 'approve', ...scoring(extra, stars), downgrades: [],
  collectiveDecision: '经社区党委会议集体研究，同意', problems: '换届不及时', measures: '三月底前完成换届',
});

it('opens the year only for the rating organisation, freezing the sheet for every branch under it', async () => {
  expect(errorOf(await org(OUTSIDER, { action: 'openStarCycle', orgId: STREET, year: YEAR }))).toMatchObject({ code: 'FORBIDDEN', message: '只有评定组织的党组织工作人员可以进行此操作' });
  expect(expectOk(await org(RATER, { action: 'openStarCycle', orgId: STREET, year: YEAR }))).toEqual({ opened: true, branches: 4 });
  expect(await storedDoc(platform, 'star_cycles', `sc-${STREET}-${YEAR}`)).toMatchObject({ sheetStatus: 'frozen', year: YEAR });
  expect(expectOk(await org(RATER, { action: 'openStarCycle', orgId: STREET, year: YEAR }))).toEqual({ opened: false, branches: 0 });
});

it('lets only the branch secretary self-assess, and refuses a deduction without reason or a star above the score', async () => {
  expect(errorOf(await org(REVIEWER, selfAssess(B[0], 10, 4)))).toMatchObject({ code: 'FORBIDDEN', message: '只有本支部书记可以填报自评' });

  const noReason = { ...selfAssess(B[0], 10, 4), deductions: [{ itemKey: 'leadership', ruleCode: 'no-reelection', points: 5, reason: '  ' }] };
  const error = errorOf(await org(SEC1, noReason));
  expect(error.code).toBe('INVALID_ARGUMENT');
  expect(error.details?.issues).toEqual(expect.arrayContaining([{ field: 'deductions.0.reason', message: '每项扣分都要写明理由' }]));

  const tooHigh = errorOf(await org(SEC1, selfAssess(B[0], 10, 5)));
  expect(tooHigh.details?.issues).toEqual([{ field: 'proposedStars', message: '85 分最高只能评为四星' }]);
  expect((await storedDoc<{ status: string; self: unknown }>(platform, 'star_assessments', `sa-${YEAR}-${B[0]}`))?.self).toBeNull();

  expectOk(await org(SEC1, selfAssess(B[0], 10, 4)));
  expectOk(await org(SEC2, selfAssess(B[1], 20, 3)));
  expectOk(await org(SEC1, selfAssess(B[2], 20, 3)));
  expect(errorOf(await org(SEC1, selfAssess(B[0], 10, 4)))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '自评已提交，请勿重复提交' });
});

it('has the level above review, never the branch’s own secretary whatever roles they hold, nor anyone out of scope', async () => {
  expect(errorOf(await org(SEC2, review(B[1], 20, 3)))).toMatchObject({ code: 'FORBIDDEN', message: '不能审核或评定本人所在党支部，请由上级党组织的其他人员办理' });
  expect(errorOf(await org(OUTSIDER, review(B[0], 10, 4)))).toMatchObject({ code: 'FORBIDDEN' });
  const view = expectOk(await org<StarAssessmentView>(REVIEWER, { action: 'starAssessment', branchId: B[0], year: YEAR }));
  expect(view).toMatchObject({ status: 'submitted', can: { review: true, selfAssess: false } });
  expect(view.self?.score.total).toBe(85);
  expect(view.references.map((r) => r.itemKey)).toEqual(expect.arrayContaining(['backbone', 'bonus']));

  expectOk(await org(REVIEWER, review(B[0], 10, 4)));
  expectOk(await org(REVIEWER, review(B[1], 20, 3)));
  expectOk(await org(SEC2, review(B[2], 20, 3)));
});

it('refuses a set that breaks a quota, naming it, and a star that does not follow from the score; then rates and publishes', async () => {
  const overview = expectOk(await org<StarOverview>(RATER, { action: 'starOverview', orgId: STREET, year: YEAR }));
  expect(overview.rows.map((r) => r.proposedStars)).toEqual([4, 3, 3, null]);
  expect(overview.quotas.find((q) => q.label === '三星')).toMatchObject({ count: 2, limit: 1, exceeded: true });

  const rate = (ratings: { branchId: string; stars: number; reason?: string }[]) => org<{ rated: number; publicityEndsAt: string }>(RATER, { action: 'rateStars', orgId: STREET, year: YEAR, ratings });
  expect(errorOf(await rate([{ branchId: B[0], stars: 5 }]))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  expect(errorOf(await rate([{ branchId: B[3], stars: 2 }])).details?.issues).toEqual([{ field: 'ratings.0.branchId', message: '「星评第四党支部」尚未通过上级审核，不能评定' }]);
  expect(errorOf(await rate([{ branchId: 'o-b-hubin-1', stars: 2 }])).details?.issues).toEqual([{ field: 'ratings.0.branchId', message: '该党支部不在本组织的评定范围内' }]);
  expect(errorOf(await org(SEC1, { action: 'rateStars', orgId: STREET, year: YEAR, ratings: [{ branchId: B[1], stars: 3 }] }))).toMatchObject({ code: 'FORBIDDEN' });

  const broken = errorOf(await rate([{ branchId: B[0], stars: 4 }, { branchId: B[1], stars: 3 }, { branchId: B[2], stars: 3 }]));
  expect(broken).toMatchObject({ code: 'FAILED_PRECONDITION', message: '超出星级比例，不能确认：三星最多 1 个（4 个党组织的 40%），现有 2 个' });
  expect((await storedDoc<{ status: string }>(platform, 'star_assessments', `sa-${YEAR}-${B[0]}`))?.status).toBe('reviewed');

  expect(errorOf(await rate([{ branchId: B[0], stars: 4 }, { branchId: B[1], stars: 3 }, { branchId: B[2], stars: 2 }])).details?.issues).toEqual([
    { field: 'ratings.2.stars', message: '「星评第三党支部」得分可评三星，评为二星须写明理由' },
  ]);
  const done = expectOk(await rate([{ branchId: B[0], stars: 4 }, { branchId: B[1], stars: 3 }, { branchId: B[2], stars: 2, reason: '三星名额已满，按得分排序' }]));
  expect(done.rated).toBe(3);
  // Five working days after Monday 2 March 2026: Monday 9 March, end of day Shanghai.
  expect(done.publicityEndsAt).toBe('2026-03-09T15:59:59.999Z');
});

it('publishes on 公示 without people, takes an objection (masked publicly, named to the rater) and reopens the review', async () => {
  const before = await org<{ rows: PublicStarRow[] }>(null, { action: 'publicStars', orgId: STREET, year: YEAR });
  expect(expectOk(before).rows.map((r) => [r.branchName, r.starsLabel, r.status])).toEqual([
    ['星评第一党支部', '四星', 'publicised'],
    ['星评第三党支部', '二星', 'publicised'],
    ['星评第二党支部', '三星', 'publicised'],
  ]);
  expect(await platform.roundTrips(before.invocationId)).toBeLessThanOrEqual(3);

  const objection = { action: 'objectToStar', branchId: B[1], year: YEAR, reason: '该支部今年多次未开展主题党日活动', requestId: requestId('objection') };
  expect(errorOf(await org(null, objection)).code).toBe('UNAUTHENTICATED');
  const { id } = expectOk(await org<{ id: string }>(RESIDENT, objection));
  expect(expectOk(await org<{ id: string }>(RESIDENT, objection)).id).toBe(id);
  expect((await storedDoc<{ status: string }>(platform, 'star_assessments', `sa-${YEAR}-${B[1]}`))?.status).toBe('objected');

  const shown = expectOk(await org<{ rows: PublicStarRow[] }>(null, { action: 'publicStars', orgId: STREET, year: YEAR })).rows.find((r) => r.branchId === B[1]);
  expect(shown?.status).toBe('objected');
  expect(JSON.stringify(shown)).not.toContain(RESIDENT);
  expect(shown?.objections).toHaveLength(1);

  expect(errorOf(await org(REVIEWER, { action: 'starObjections', orgId: STREET, year: YEAR })).code).toBe('FORBIDDEN');
  const [listed] = expectOk(await org<{ items: StarObjectionView[] }>(RATER, { action: 'starObjections', orgId: STREET, year: YEAR })).items;
  expect(listed).toMatchObject({ id, branchName: '星评第二党支部', outcome: null });

  expectOk(await org(RATER, { action: 'answerStarObjection', objectionId: id, outcome: 'upheld', reply: '经核实情况属实，已退回社区党委重新审核' }));
  expect(errorOf(await org(RATER, { action: 'answerStarObjection', objectionId: id, outcome: 'dismissed', reply: '再次答复试一下' })).code).toBe('CONFLICT');

  // Re-review: the complaints behind the objection cost 群众评价 10 more points: 65, so 二星.
  const reReview = review(B[1], 20, 2);
  expectOk(await org(REVIEWER, { ...reReview, deductions: [...reReview.deductions, { itemKey: 'satisfaction', ruleCode: 'complaints', points: 10, reason: '群众投诉较多，经核实属实' }] }));
  expectOk(await org(RATER, { action: 'rateStars', orgId: STREET, year: YEAR, ratings: [{ branchId: B[1], stars: 2 }] }));
  const after = expectOk(await org<{ rows: PublicStarRow[] }>(null, { action: 'publicStars', orgId: STREET, year: YEAR })).rows.find((r) => r.branchId === B[1]);
  expect(after).toMatchObject({ starsLabel: '二星', status: 'publicised' });
  expect(after?.objections[0]).toMatchObject({ reply: '经核实情况属实，已退回社区党委重新审核', outcomeLabel: '异议成立' });
});

it('counts the stars per domain and exports the statistics table and a branch’s 申报表', async () => {
  const { table } = expectOk(await org<StarTableView>(RATER, { action: 'starTable', orgId: STREET, year: YEAR, table: 'statistics' }));
  expect(table.rows).toEqual([expect.objectContaining({ domain: '社区', total: 3, count4: 1, count2: 2, count3: 0 })]);
  const exported = expectOk(await org<{ url: string; rows: number; bytes: number }>(RATER, { action: 'exportStarTable', orgId: STREET, year: YEAR, table: 'statistics' }));
  expect(exported.rows).toBe(1);
  expect(exported.bytes).toBeGreaterThan(1000);
  const application = expectOk(await org<{ rows: number }>(SEC1, { action: 'exportStarTable', orgId: STREET, year: YEAR, table: 'application', branchId: B[0] }));
  expect(application.rows).toBe(8);
  expect(errorOf(await org(SEC1, { action: 'exportStarTable', orgId: STREET, year: YEAR, table: 'ledger' })).code).toBe('FORBIDDEN');
});

it('downgrades (摘星) a rated branch between cycles with a reason, by the rating organisation only, keeping the history', async () => {
  const downgrade = { action: 'downgradeStar', branchId: B[0], year: YEAR, stars: 2, code: 'mass-petition', reason: '五月发生严重群访事件' };
  expect(errorOf(await org(REVIEWER, downgrade)).code).toBe('FORBIDDEN');
  expect(errorOf(await org(RATER, { ...downgrade, stars: 3 }))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '直接定级情形下只能定为二星或一星' });
  expect(errorOf(await org(RATER, { ...downgrade, branchId: B[3] }))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '只有已评定的党支部可以摘星' });
  expect(expectOk(await org<{ stars: string }>(RATER, downgrade))).toEqual({ stars: '二星' });
  const view = expectOk(await org<StarAssessmentView>(SEC1, { action: 'starAssessment', branchId: B[0], year: YEAR }));
  expect(view.stars).toBe(2);
  expect(view.history.map((h) => h.step)).toEqual(['open', 'submit', 'review', 'rate', 'downgrade']);
  expect(view.history.at(-1)?.note).toBe('四星 → 二星：近一年单位有严重群访事件，五月发生严重群访事件');
});
