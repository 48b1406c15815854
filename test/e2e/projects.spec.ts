import type { BrowserContext, Page } from 'playwright-core';
import { answerSubscription, confirmDialog, fillField, launchBrowser, openRoute, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { expectOk, H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { ADMIN, STAFF_MEMBER, STREET_STAFF } from '../fixtures/personas';
import { urlOf } from '../../src/routes';

/**
 * 党建项目 (issue 17, second E2E): 湖滨社区第一党支部 (secretary: 兼党员) applies; the 街道 (street staff granted
 * 党组织工作人员 on 百花洲街道党工委) approves; a month later 调度 flags the overdue milestone and records a note;
 * the branch concludes; the street accepts with scores and promotes it; the public list shows it.
 */
let platform: TestPlatform;
/** One browser per person: a context keeps one signed-in persona. */
let branchBrowser: BrowserContext;
let streetBrowser: BrowserContext;
let clock = new Date();

beforeAll(async () => {
  platform = await startTestPlatform({ h5Dir: H5_DIR, now: () => clock });
  [branchBrowser, streetBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
  expectOk(await platform.call('org', ADMIN, { action: 'setPeople', orgId: 'o-b-hubin-1', secretaryOpenid: STAFF_MEMBER, contactOpenid: null }));
  expectOk(await platform.call('user', ADMIN, { action: 'grantRole', openid: STREET_STAFF, role: 'org_staff', scopeType: 'organisation', scopeId: 'o-st-baihuazhou' }));
}, 60_000);

afterAll(async () => {
  await branchBrowser?.close();
  await streetBrowser?.close();
  await platform?.close();
});

const loginAs = async (openid: string) => {
  const page = await (openid === STREET_STAFF ? streetBrowser : branchBrowser).newPage();
  await pickPersona(page, platform.url, `e2e-persona-${openid}`);
  return page;
};
const open = (page: Page, url: string) => openRoute(page, platform.url, url);
const fill = fillField;

describe('a branch project from 申报 to 推广', () => {
  it('runs through the branch and the street', async () => {
    const branch = await loginAs(STAFF_MEMBER);
    await open(branch, urlOf('orgProjects', { orgId: 'o-b-hubin-1' }));
    await visiblePage(branch).locator('.e2e-project-apply').click();
    await fill(branch, 'e2e-input-title', '红色楼栋长志愿服务');
    await fill(branch, 'e2e-input-background', '老旧小区楼栋多，居民诉求分散，党员作用发挥不充分');
    await fill(branch, 'e2e-input-aims', '每个楼栋有一名党员楼栋长');
    await fill(branch, 'e2e-input-measures', '选聘党员楼栋长，建立楼栋微信群，每月走访一次');
    await fill(branch, 'e2e-input-expectedResults', '居民诉求当天有人回应');
    await fill(branch, 'e2e-input-milestone-0', '选聘楼栋长');
    await fill(branch, 'e2e-input-team', '周敏、李建国');
    await screenshot(branch, 'project-apply');
    await visiblePage(branch).locator('.e2e-project-submit').click();
    expect(await confirmDialog(branch)).toContain('上级党组织审核立项');
    expect(await textOf(visiblePage(branch).locator('.e2e-project-status'), '已申报')).toContain('待立项');
    await screenshot(branch, 'project-applied');

    const street = await loginAs(STREET_STAFF);
    await open(street, urlOf('projectDispatch', { orgId: 'o-st-baihuazhou' }));
    await visiblePage(street).locator('.e2e-project-row', { hasText: '红色楼栋长志愿服务' }).click();
    await visiblePage(street).locator('.e2e-project-approve').click();
    expect(await confirmDialog(street)).toContain('获得编号');
    expect(await textOf(visiblePage(street).locator('.e2e-project-status'), '已立项')).toContain('已立项');
    const projectId = new URL(street.url().replace('#', '')).searchParams.get('id') ?? '';
    const openProject = async (page: Page) => {
      await open(page, '/pages/index/index');
      await open(page, urlOf('projectDetail', { id: projectId }));
      await visiblePage(page).locator('.e2e-project-status').waitFor();
    };

    await openProject(branch);
    await screenshot(branch, 'project-approved');
    await visiblePage(branch).locator('.e2e-project-start').click();
    await answerSubscription(branch, '允许');
    expect(await textOf(visiblePage(branch).locator('.e2e-project-status'), '实施中')).toContain('实施中');

    // Five weeks on, the first milestone (a month after the start) is overdue: 调度 flags it and records a note.
    clock = new Date(Date.now() + 35 * 86_400_000);
    await open(street, '/pages/index/index');
    await open(street, urlOf('projectDispatch', { orgId: 'o-st-baihuazhou' }));
    const row = visiblePage(street).locator('.e2e-project-row', { hasText: '红色楼栋长志愿服务' });
    expect(await textOf(row.locator('.e2e-project-overdue'), '已逾期')).toContain('选聘楼栋长');
    await screenshot(street, 'project-dispatch-list');
    await row.click();
    await fill(street, 'e2e-input-dispatch', '选聘工作滞后于计划');
    await fill(street, 'e2e-input-rectification', '请在两周内完成楼栋长选聘');
    await visiblePage(street).locator('.e2e-dispatch-submit').click();
    expect(await textOf(visiblePage(street).locator('.e2e-project-entry', { hasText: '整改要求' }), '整改要求')).toContain('两周内');
    await screenshot(street, 'project-dispatched');

    await openProject(branch);
    for (const [hook, text] of [['overview', '覆盖全部 12 个楼栋'], ['implementation', '每月走访一次，建立楼栋群'], ['results', '形成楼栋长工作法一套'], ['assessment', '建议在全街道推广']]) {
      await fill(branch, `e2e-input-${hook}`, text);
    }
    await visiblePage(branch).locator('.e2e-project-conclude').click();
    expect(await confirmDialog(branch)).toContain('等待上级党组织验收');
    expect(await textOf(visiblePage(branch).locator('.e2e-project-status'), '待验收')).toContain('已结题');

    await openProject(street);
    await visiblePage(street).locator('.e2e-project-accept').click();
    for (const key of ['goalRate', 'satisfaction', 'benefit', 'replicability']) {
      await visiblePage(street).locator(`.e2e-score-${key}-picker`).click();
      await street.locator(`.e2e-score-${key}-option-90`).last().click();
    }
    await fill(street, 'e2e-input-comment', '成效明显，同意验收');
    await screenshot(street, 'project-accept');
    await visiblePage(street).locator('.e2e-accept-submit').click();
    expect(await confirmDialog(street)).toContain('不能修改');
    expect(await textOf(visiblePage(street).locator('.e2e-project-status'), '已验收')).toContain('已验收');
    await visiblePage(street).locator('.e2e-project-promote').click();
    expect(await confirmDialog(street)).toContain('下一类型');
    expect(await textOf(visiblePage(street).locator('.e2e-project-status'), '已推广')).toContain('已推广');

    await open(branch, urlOf('publicProjects', { orgId: 'o-st-baihuazhou' }));
    expect(await textOf(visiblePage(branch).locator('.e2e-public-project', { hasText: '红色楼栋长志愿服务' }), '中试')).toContain('典型示范型「中试」');
    await screenshot(branch, 'project-public');
  }, 180_000);
});
