import { localTemplateId } from '../../../../src/domain/notice-templates';
import { referenceSheet } from '../../../../src/domain/star-rating';
import type { PublicStarRow, StarAssessmentView, StarSheetView, StarUpgradeView } from '../../../../src/domain/star.schema';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { insertDocs, storedDoc } from '../../../fixtures/database';
import { requestId } from '../../../fixtures/builders';
import { RESIDENT } from '../../../fixtures/personas';
import { sdkFor } from '../../../helpers/emulator-sdk';
import { mediaChecksSettled } from '../../../helpers/media-checks';
import { uploadPhoto } from '../../../helpers/upload-photo';

/**
 * 五星创评 between and before the steps of a year: the rating organisation refines a year's sheet while it is a draft
 * (frozen once 自评 opens), a branch applies to upgrade (升级增星) and the rating organisation decides, and an objector
 * hears the answer to their 异议.
 */
let platform: TestPlatform;
const clock = new Date('2026-03-02T02:00:00.000Z'); // Monday 10:00 Shanghai
const YEAR = 2026;

const STREET = 'o-dyn-street';
const COMMUNITY = 'o-dyn-community';
const OTHER_STREET = 'o-dyn-street-2';
const SHEET_BRANCH = 'o-dyn-sheet-b';
/** A second street whose ten branches were rated last year (inserted as rated): 10 % is one five-star, 30 % three four-star. */
const UP_STREET = 'o-dyn-up-street';
const UB = Array.from({ length: 10 }, (_, i) => `o-dyn-ub${i}`);

const SHEET_SEC = 'dyn-sheet-secretary';
const RATER = 'dyn-street-staff';
const OUTSIDER = 'dyn-other-street-staff';
const UP_RATER = 'dyn-up-street-staff';
const USEC0 = 'dyn-up-secretary-0';
const USEC1 = 'dyn-up-secretary-1'; // secretary of ub1 and, at the same time, 党组织工作人员 of the rating street
const UCONTACT6 = 'dyn-up-contact-6'; // 联系人 of ub6: reads its applications, is not the rating organisation's staff

const grant = (scopeId: string) => [{ role: 'org_staff', scopeType: 'organisation', scopeId, scopeName: scopeId }];
const person = (openid: string, name: string, grants: unknown[] = []) => ({
  _id: openid,
  openid,
  communityId: null,
  grants,
  createdAt: new Date(),
  member: { name, phone: '13800000008', workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委', partyBranch: '升级第一党支部', branchId: UB[1], skills: [] },
});
const secretaryOf = (i: number) => (i === 0 ? USEC0 : i === 1 ? USEC1 : `dyn-up-secretary-${i}`);
const node = (_id: string, type: string, name: string, parentId: string | null, ancestors: string[], secretaryOpenid: string | null = null) => ({
  _id, type, name, ancestors, status: 'active', parentId, parentName: null, secretaryOpenid, secretaryName: secretaryOpenid ? `${name}书记` : null,
  contactOpenid: null, contactName: null, communityId: null, unitId: null, mergedInto: null, createdAt: new Date(), updatedAt: new Date(),
});
/** ub0 四星, ub1–ub3 三星, the rest 二星; ub9 has an objection open. All on 公示 until well after the clock. */
const starsOf = (i: number) => (i === 0 ? 4 : i <= 3 ? 3 : 2);
const assessment = (branchId: string, i: number) => ({
  _id: `sa-${YEAR}-${branchId}`, cycleId: `sc-${UP_STREET}-${YEAR}`, ratingOrgId: UP_STREET, year: YEAR, branchId, branchName: `升级第${i}党支部`, reviewOrgId: UP_STREET,
  domain: '社区', status: i === 9 ? 'objected' : 'publicised', self: null, review: null, returnReason: null, stars: starsOf(i), starReason: '', ratedBy: UP_RATER,
  ratedAt: new Date('2026-02-20T02:00:00.000Z'), publicityEndsAt: new Date('2026-03-31T15:59:59.999Z'), history: [],
});

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await insertDocs(platform, 'organisations', [
    node(STREET, 'street_committee', '细化街道党工委', null, []),
    node(OTHER_STREET, 'street_committee', '另一街道党工委', null, []),
    node(COMMUNITY, 'community_org', '细化社区党委', STREET, [STREET]),
    node(SHEET_BRANCH, 'branch', '细化第一党支部', COMMUNITY, [STREET, COMMUNITY], SHEET_SEC),
    node(UP_STREET, 'street_committee', '升级街道党工委', null, []),
    ...UB.map((id, i) => ({ ...node(id, 'branch', `升级第${i}党支部`, UP_STREET, [UP_STREET], secretaryOf(i)), contactOpenid: i === 6 ? UCONTACT6 : null })),
  ]);
  await insertDocs(platform, 'users', [
    person(SHEET_SEC, '吴书记'),
    person(RATER, '李部长', grant(STREET)),
    person(OUTSIDER, '周干事', grant(OTHER_STREET)),
    person(UP_RATER, '郑部长', grant(UP_STREET)),
    person(USEC0, '王书记'),
    person(USEC1, '冯书记', grant(UP_STREET)),
    ...UB.slice(2).map((_, k) => person(secretaryOf(k + 2), `书记${k + 2}`)),
    person(UCONTACT6, '钱联系人'),
  ]);
  await insertDocs(platform, 'star_cycles', [
    { _id: `sc-${UP_STREET}-${YEAR}`, ratingOrgId: UP_STREET, ratingOrgName: '升级街道党工委', ratingOrgAncestors: [], year: YEAR, sheet: referenceSheet(YEAR), sheetStatus: 'frozen', openedBy: UP_RATER, openedAt: new Date('2026-01-05T02:00:00.000Z') },
  ]);
  await insertDocs(platform, 'star_assessments', UB.map(assessment));
}, 60_000);
afterAll(() => platform?.close());

const org = <T>(openid: string | null, payload: Record<string, unknown>) => platform.call<T>('org', openid, payload);

describe('refining the year’s sheet', () => {
  const sheetOf = async (year = YEAR) => expectOk(await org<StarSheetView>(RATER, { action: 'starSheet', orgId: STREET, year }));
  /** The sheet as an edit: every item's 评分要点 and 评分办法, with `change` applied to one item. */
  const editOf = (view: StarSheetView, key?: string, change?: (item: { key: string; scoringPoints: string[]; rules: { code?: string; text: string; points: number; kind: string }[] }) => void) =>
    view.sheet.items.map((item) => {
      const edit = { key: item.key, scoringPoints: [...item.scoringPoints], rules: item.rules.map((r) => ({ code: r.code, text: r.text, points: r.points, kind: r.points === 0 ? 'discretion' : r.perCase ? 'perCase' : 'fixed' })) };
      if (item.key === key) change?.(edit);
      return edit;
    });

  it('starts from the reference standard: eight items at the standard’s points, a draft', async () => {
    const read = await org<StarSheetView>(RATER, { action: 'starSheet', orgId: STREET, year: YEAR });
    // The organisation, this year's cycle and draft, last year's cycle, the caller.
    expect(await platform.roundTrips(read.invocationId)).toBeLessThanOrEqual(5);
    const view = expectOk(read);
    expect(view).toMatchObject({ status: 'draft', source: '参考标准', orgName: '细化街道党工委' });
    expect(view.sheet.items.map((i) => [i.name, i.points])).toEqual([['领导班子', 15], ['骨干队伍', 10], ['活动阵地', 10], ['工作制度', 10], ['保障机制', 10], ['工作业绩', 20], ['群众评价', 25]]);
    expect(view.sheet.bonusMax).toBe(10);
  });

  it('lets only the rating organisation edit', async () => {
    const view = await sheetOf();
    expect(errorOf(await org(OUTSIDER, { action: 'saveStarSheet', orgId: STREET, year: YEAR, items: editOf(view) }))).toMatchObject({ code: 'FORBIDDEN', message: '只有评定组织的党组织工作人员可以进行此操作' });
    expect(errorOf(await org(SHEET_SEC, { action: 'starSheet', orgId: STREET, year: YEAR })).code).toBe('FORBIDDEN');
    expect(await storedDoc(platform, 'star_sheets', `ss-${STREET}-${YEAR}`)).toBeUndefined();
  });

  it('refuses a rule that deducts more than its item’s points, beside the field, writing nothing', async () => {
    const view = await sheetOf();
    const items = editOf(view, 'venue', (item) => void (item.rules[0].points = 12));
    const error = errorOf(await org(RATER, { action: 'saveStarSheet', orgId: STREET, year: YEAR, items }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues).toEqual([{ field: 'items.2.rules.0.points', message: '扣分不能超过「活动阵地」的分值 10 分' }]);
    const dropped = errorOf(await org(RATER, { action: 'saveStarSheet', orgId: STREET, year: YEAR, items: items.slice(1) }));
    expect(dropped.details?.issues).toEqual([{ field: 'items', message: '评分项目和分值按参考标准，不能增删或调换' }]);
    expect(await storedDoc(platform, 'star_sheets', `ss-${STREET}-${YEAR}`)).toBeUndefined();
  });

  it('saves 评分要点 and 评分办法 while the sheet is a draft', async () => {
    const view = await sheetOf();
    const items = editOf(view, 'leadership', (item) => {
      item.scoringPoints.push('支部书记年度述职评议结果');
      item.rules.push({ text: '支部委员缺额超过半年未补选', points: 3, kind: 'fixed' });
    });
    expect(expectOk(await org(RATER, { action: 'saveStarSheet', orgId: STREET, year: YEAR, items }))).toEqual({ saved: true });
    const saved = await sheetOf();
    expect(saved).toMatchObject({ status: 'draft', source: null });
    const leadership = saved.sheet.items[0];
    expect(leadership.points).toBe(15);
    expect(leadership.scoringPoints.at(-1)).toBe('支部书记年度述职评议结果');
    expect(leadership.rules.at(-1)).toEqual({ code: 'leadership-1', text: '支部委员缺额超过半年未补选', points: 3 });
  });

  it('freezes the sheet when 自评 opens: branches are scored on it, and edits are refused', async () => {
    expect(expectOk(await org(RATER, { action: 'openStarCycle', orgId: STREET, year: YEAR }))).toEqual({ opened: true, branches: 1 });
    expect((await storedDoc<{ sheet: { items: { rules: { code: string }[] }[] } }>(platform, 'star_cycles', `sc-${STREET}-${YEAR}`))?.sheet.items[0].rules.map((r) => r.code)).toContain('leadership-1');

    const view = await sheetOf();
    expect(view.status).toBe('frozen');
    const refused = errorOf(await org(RATER, { action: 'saveStarSheet', orgId: STREET, year: YEAR, items: editOf(view) }));
    expect(refused).toMatchObject({ code: 'FAILED_PRECONDITION', message: '本年度评分表已在自评开始时锁定，不能再修改' });

    // The refined rule is one the branch can apply.
    const assessed = await org(SHEET_SEC, {
      action: 'selfAssessStar', branchId: SHEET_BRANCH, year: YEAR, deductions: [{ itemKey: 'leadership', ruleCode: 'leadership-1', points: 3, reason: '组织委员调离后未补选' }],
      bonus: 0, proposedStars: 4, starReason: '', domain: '社区', situation: '支部有党员 18 名', submit: false,
    });
    expectOk(assessed);
    expect(expectOk(await org<StarAssessmentView>(SHEET_SEC, { action: 'starAssessment', branchId: SHEET_BRANCH, year: YEAR })).self?.score.total).toBe(97);
  });

  it('starts the next year from this year’s sheet', async () => {
    const next = await sheetOf(YEAR + 1);
    expect(next).toMatchObject({ status: 'draft', source: `${YEAR} 年度评分表`, year: YEAR + 1 });
    expect(next.sheet.items[0].rules.map((r) => r.text)).toContain('支部委员缺额超过半年未补选');
  });
});

describe('升级增星 between cycles', () => {
  const apply = (openid: string, branchId: string, reason = '评定以来新建党员活动室，三会一课全部落实') =>
    org<{ id: string }>(openid, { action: 'applyStarUpgrade', branchId, year: YEAR, reason, evidence: [], requestId: requestId('upgrade') });
  const decide = (openid: string, upgradeId: string, decision: 'approve' | 'refuse', reason = '经核实，同意') => org<{ status: string }>(openid, { action: 'decideStarUpgrade', upgradeId, decision, reason });
  const branchView = async (openid: string, branchId: string) =>
    expectOk(await org<{ stars: number; canApply: boolean; applyRefusal: string | null; items: StarUpgradeView[] }>(openid, { action: 'branchStarUpgrades', branchId, year: YEAR }));

  it('lets only the branch’s secretary apply, only while its rating stands, one application at a time', async () => {
    expect(errorOf(await apply(UP_RATER, UB[1]))).toMatchObject({ code: 'FORBIDDEN', message: '只有本支部书记可以申请升级增星' });
    expect(errorOf(await apply(USEC1, UB[9]))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await apply(secretaryOf(9), UB[9]))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '只有评定结果已公布（且无待处理异议）的党支部可以申请升级' });
    const { id } = expectOk(await apply(USEC1, UB[1]));
    expect(errorOf(await apply(USEC1, UB[1]))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '已有待审批的升级申请，请等待评定组织答复' });
    expect(await branchView(USEC1, UB[1])).toMatchObject({ stars: 3, canApply: false, items: [{ id, status: 'pending', fromStars: 3, toStars: 4 }] });
  });

  it('refuses self-approval whatever roles they hold, and anyone outside the rating organisation', async () => {
    const [pending] = (await branchView(USEC1, UB[1])).items;
    expect(errorOf(await decide(USEC1, pending.id, 'approve'))).toMatchObject({ code: 'FORBIDDEN', message: '不能审批本人所在党支部或本人提出的升级申请' });
    expect(errorOf(await decide(OUTSIDER, pending.id, 'approve'))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await storedDoc<{ stars: number }>(platform, 'star_assessments', `sa-${YEAR}-${UB[1]}`))?.stars).toBe(3);
  });

  it('refuses with a reason, then approves a new application: one more star, kept in the branch’s history', async () => {
    const [pending] = (await branchView(USEC1, UB[1])).items;
    expect(errorOf(await decide(UP_RATER, pending.id, 'refuse', '')).code).toBe('INVALID_ARGUMENT');
    expect(expectOk(await decide(UP_RATER, pending.id, 'refuse', '佐证材料不足，请补充活动记录'))).toEqual({ status: '未同意' });
    expect(errorOf(await decide(UP_RATER, pending.id, 'approve')).code).toBe('FAILED_PRECONDITION');

    const { id } = expectOk(await apply(USEC1, UB[1], '已补充全年活动记录和群众测评结果'));
    expect(expectOk(await decide(UP_RATER, id, 'approve', '材料齐全，同意升为四星'))).toEqual({ status: '已同意升级' });
    const view = await branchView(USEC1, UB[1]);
    expect(view.stars).toBe(4);
    const listed = await org<{ items: StarUpgradeView[] }>(UP_RATER, { action: 'starUpgrades', orgId: UP_STREET, year: YEAR });
    expect(expectOk(listed).items.map((u) => u.branchId)).toEqual([UB[1], UB[1]]);
    expect(await platform.roundTrips(listed.invocationId)).toBeLessThanOrEqual(3);
    const own = await org(USEC1, { action: 'branchStarUpgrades', branchId: UB[1], year: YEAR });
    expect(await platform.roundTrips(own.invocationId)).toBeLessThanOrEqual(6);
    expect(view.items.map((u) => [u.status, u.decisionReason])).toEqual([
      ['approved', '材料齐全，同意升为四星'],
      ['refused', '佐证材料不足，请补充活动记录'],
    ]);
    const stored = await storedDoc<{ history: { step: string; note: string }[] }>(platform, 'star_assessments', `sa-${YEAR}-${UB[1]}`);
    expect(stored?.history.at(-1)).toMatchObject({ step: 'upgrade', note: '升级增星 三星 → 四星：材料齐全，同意升为四星' });
  });

  const toldOf = (openid: string) => platform.emulator.wx.outbox().filter((m) => m.touser === openid && m.template_id === localTemplateId('starUpgradeDecided'));
  const valuesOf = (data: Record<string, { value: string }>) => ['thing1', 'phrase2', 'thing3'].map((k) => data[k]?.value);

  it('tells the applicant a refusal and its reason by subscribe message, opening the branch’s applications', async () => {
    await platform.grantSubscription(USEC1, 'starUpgradeDecided');
    const { id } = expectOk(await apply(USEC1, UB[1], '评定以来党员志愿服务时长翻番'));
    expectOk(await decide(UP_RATER, id, 'refuse', '须有认定的党建创新项目，明年再申请'));
    const told = toldOf(USEC1);
    expect(told).toHaveLength(1);
    expect(told[0].page).toBe(`packages/stars/pages/upgrade/index?branchId=${UB[1]}&year=${YEAR}`);
    expect(valuesOf(told[0].data)).toEqual(['升级第1党支部', '未同意', '须有认定的党建创新项目，明年再申请']);
  });

  it('raises to five stars only with a recognised innovation project', async () => {
    const { id } = expectOk(await apply(USEC0, UB[0]));
    expect(errorOf(await decide(UP_RATER, id, 'approve'))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '升为五星须有评定组织认定的党建创新项目' });
    await platform.grantSubscription(USEC0, 'starUpgradeDecided');
    expect(errorOf(await decide(UP_RATER, id, 'approve')).code).toBe('FAILED_PRECONDITION');
    expect(toldOf(USEC0)).toHaveLength(0);
    await insertDocs(platform, 'projects', [{ _id: 'p-dyn-innovation', organisationId: UB[0], title: '红色物业联盟', status: 'accepted', evaluation: { at: new Date('2026-02-10T02:00:00.000Z') } }]);
    expectOk(await decide(UP_RATER, id, 'approve'));
    expect((await storedDoc<{ stars: number }>(platform, 'star_assessments', `sa-${YEAR}-${UB[0]}`))?.stars).toBe(5);
    const told = toldOf(USEC0);
    expect(told).toHaveLength(1);
    expect(valuesOf(told[0].data)).toEqual(['升级第0党支部', '同意升级', '已升为五星']);
    expect(await branchView(USEC0, UB[0])).toMatchObject({ stars: 5, canApply: false, applyRefusal: '已是五星，不能再升级' });
  });

  it('keeps the quotas: a raise past a star’s share is refused, naming it', async () => {
    const raise = async (i: number) => decide(UP_RATER, expectOk(await apply(secretaryOf(i), UB[i])).id, 'approve');
    // 四星 may be 3 of 10: ub1 is, ub2 and ub3 become so; ub4 may reach 三星 but not 四星.
    expectOk(await raise(2));
    expectOk(await raise(3));
    expectOk(await raise(4));
    expect(errorOf(await raise(4))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '超出星级比例，不能升级：四星最多 3 个（10 个党组织的 30%），现有 4 个' });
    expect((await storedDoc<{ stars: number }>(platform, 'star_assessments', `sa-${YEAR}-${UB[4]}`))?.stars).toBe(3);
  });

  it('shows the evidence photos to the rating organisation and the applicant, as the image check allows others to see them', async () => {
    const applicant = secretaryOf(6);
    const photos = [await uploadPhoto(platform, applicant), await uploadPhoto(platform, applicant)];
    expectOk(await org(applicant, { action: 'applyStarUpgrade', branchId: UB[6], year: YEAR, reason: '党员活动室改造完成，每月开展主题党日', evidence: photos, requestId: requestId('upgrade') }));
    await mediaChecksSettled(platform);
    // WeChat was unsure about the second photo: its owner and the deciding staff see it marked, others not at all.
    await sdkFor(platform.emulatorUrl).database().collection('media_checks').where({ fileId: photos[1] }).update({ state: 'review' });

    const listed = await org<{ items: StarUpgradeView[] }>(UP_RATER, { action: 'starUpgrades', orgId: UP_STREET, year: YEAR });
    expect(await platform.roundTrips(listed.invocationId)).toBeLessThanOrEqual(5);
    const asStaff = expectOk(listed).items.find((u) => u.branchId === UB[6]);
    const asApplicant = (await branchView(applicant, UB[6])).items[0];
    for (const view of [asStaff, asApplicant]) {
      expect(view?.evidence.map((e) => e.fileId)).toEqual(photos);
      const urls = view?.evidence.map((e) => e.url) ?? [];
      expect(urls.every((u) => typeof u === 'string' && u.length > 0)).toBe(true);
      expect(view?.photoMarks).toEqual({ [urls[1] as string]: 'pending' });
    }
    const asContact = (await branchView(UCONTACT6, UB[6])).items[0];
    expect(asContact.evidence.map((e) => e.url !== null)).toEqual([true, false]);
    expect(asContact.photoMarks).toEqual({});
  });
});

describe('two approvals at once', () => {
  const RACE_STREET = 'o-dyn-race-street';
  const RB = Array.from({ length: 5 }, (_, i) => `o-dyn-rb${i}`);
  const RACE_RATER = 'dyn-race-staff';
  const raceSecretary = (i: number) => `dyn-race-secretary-${i}`;

  beforeAll(async () => {
    await insertDocs(platform, 'organisations', [
      node(RACE_STREET, 'street_committee', '并发街道党工委', null, []),
      ...RB.map((id, i) => node(id, 'branch', `并发第${i}党支部`, RACE_STREET, [RACE_STREET], raceSecretary(i))),
    ]);
    await insertDocs(platform, 'users', [person(RACE_RATER, '陈部长', grant(RACE_STREET)), ...RB.map((_, i) => person(raceSecretary(i), `并发书记${i}`))]);
    await insertDocs(platform, 'star_cycles', [
      { _id: `sc-${RACE_STREET}-${YEAR}`, ratingOrgId: RACE_STREET, ratingOrgName: '并发街道党工委', ratingOrgAncestors: [], year: YEAR, sheet: referenceSheet(YEAR), sheetStatus: 'frozen', openedBy: RACE_RATER, openedAt: new Date('2026-01-05T02:00:00.000Z') },
    ]);
    // rb0 and rb1 三星, the rest 二星: 四星 may be 1 of 5 (30 %, floored).
    await insertDocs(
      platform,
      'star_assessments',
      RB.map((branchId, i) => ({ ...assessment(branchId, i), _id: `sa-${YEAR}-${branchId}`, cycleId: `sc-${RACE_STREET}-${YEAR}`, ratingOrgId: RACE_STREET, reviewOrgId: RACE_STREET, branchName: `并发第${i}党支部`, status: 'publicised', stars: i <= 1 ? 3 : 2, ratedBy: RACE_RATER })),
    );
  });

  it('lets only one of two raises commit when each fits the quota alone and both together break it', async () => {
    const applied = await Promise.all(
      [0, 1].map(async (i) => expectOk(await org<{ id: string }>(raceSecretary(i), { action: 'applyStarUpgrade', branchId: RB[i], year: YEAR, reason: '评定以来新建党员活动室，三会一课全部落实', evidence: [], requestId: requestId('race') })).id),
    );
    const decided = await Promise.all(applied.map((upgradeId) => org<{ status: string }>(RACE_RATER, { action: 'decideStarUpgrade', upgradeId, decision: 'approve', reason: '经核实，同意' })));
    const approved = decided.filter((d) => d.body.ok);
    expect(approved).toHaveLength(1);
    const refused = decided.find((d) => !d.body.ok);
    expect(['CONFLICT', 'FAILED_PRECONDITION']).toContain(refused && errorOf(refused).code);
    const stars = await Promise.all(RB.slice(0, 2).map(async (id) => (await storedDoc<{ stars: number }>(platform, 'star_assessments', `sa-${YEAR}-${id}`))?.stars));
    expect(stars.filter((n) => n === 4)).toHaveLength(1);
  });

  it('lets only one of two 评定 of different branches commit when together they break a quota', async () => {
    // Two more branches reviewed at 85 points: with 7 branches 四星 may be 2, and one branch is 四星 already.
    const reviewed = (branchId: string, i: number) => ({
      ...assessment(branchId, i), _id: `sa-${YEAR}-${branchId}`, cycleId: `sc-${RACE_STREET}-${YEAR}`, ratingOrgId: RACE_STREET, reviewOrgId: RACE_STREET, branchName: `并发第${i}党支部`,
      status: 'reviewed', stars: null, ratedBy: null, ratedAt: null, publicityEndsAt: null,
      review: { deductions: [], bonus: 0, proposedStars: 4, starReason: '', score: { items: [], base: 85, bonus: 0, total: 85 }, recognised: false, byOpenid: RACE_RATER, byName: '陈部长', at: new Date('2026-02-10T02:00:00.000Z'), downgrades: [], collectiveDecision: '支委会研究通过', problems: '', measures: '' },
    });
    await insertDocs(platform, 'star_assessments', [reviewed('o-dyn-rb5', 5), reviewed('o-dyn-rb6', 6)]);
    const rated = await Promise.all(
      ['o-dyn-rb5', 'o-dyn-rb6'].map((branchId) => org(RACE_RATER, { action: 'rateStars', orgId: RACE_STREET, year: YEAR, ratings: [{ branchId, stars: 4, reason: '' }] })),
    );
    expect(rated.filter((r) => r.body.ok)).toHaveLength(1);
    const refused = rated.find((r) => !r.body.ok);
    expect(['CONFLICT', 'FAILED_PRECONDITION']).toContain(refused && errorOf(refused).code);
    const stars = await Promise.all(['o-dyn-rb5', 'o-dyn-rb6'].map(async (id) => (await storedDoc<{ stars: number | null }>(platform, 'star_assessments', `sa-${YEAR}-${id}`))?.stars));
    expect(stars.filter((n) => n === 4)).toHaveLength(1);
  });
});

describe('the answer to an 异议', () => {
  it('is sent to the objector as a subscribe message and shown on the 公示 where they raised it', async () => {
    await platform.grantSubscription(RESIDENT, 'starObjectionAnswered');
    const { id } = expectOk(await org<{ id: string }>(RESIDENT, { action: 'objectToStar', branchId: UB[5], year: YEAR, reason: '该支部今年主题党日活动次数很少', requestId: requestId('objection') }));
    expectOk(await org(UP_RATER, { action: 'answerStarObjection', objectionId: id, outcome: 'dismissed', reply: '经核实，该支部按月开展主题党日' }));
    const told = platform.emulator.wx.outbox().filter((m) => m.touser === RESIDENT && m.template_id === localTemplateId('starObjectionAnswered'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ page: `packages/stars/pages/publicity/index?orgId=${UP_STREET}&year=${YEAR}` });
    expect(JSON.stringify(told[0].data)).toContain('异议不成立');
    const row = expectOk(await org<{ rows: PublicStarRow[] }>(RESIDENT, { action: 'publicStars', orgId: UP_STREET, year: YEAR })).rows.find((r) => r.branchId === UB[5]);
    expect(row?.objections[0]).toMatchObject({ reply: '经核实，该支部按月开展主题党日', outcomeLabel: '异议不成立' });
  });
});
