import type { BrowserContext, Page } from 'playwright-core';
import { answerSubscription, confirmDialog, fillField, launchBrowser, openRoute, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { insertDocs } from '../fixtures/database';
import { ADMIN, MEMBER, RESIDENT, STAFF_MEMBER, UNIT_ADMIN } from '../fixtures/personas';
import { urlOf } from '../../src/routes';

/**
 * 先锋创绩 (issue 17, first E2E): 李建国 (机关第一党支部) makes two pledges; 周敏, the branch's secretary, approves
 * them (定诺); anyone sees them on the branch's page with his name masked (亮承诺); he records progress linked to a
 * confirmed service log (践诺); in December the secretary rates them (评诺), and the unit's admin sees the result.
 * The server's clock is moved (startTestPlatform({ now })); the year is the browser's, so both agree on it.
 */
const YEAR = new Date().getFullYear();
let clock = new Date(`${YEAR}-03-02T02:00:00.000Z`);
let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  platform = await startTestPlatform({ h5Dir: H5_DIR, now: () => clock });
  browser = await launchBrowser();
  await insertDocs(platform, 'service_logs', [
    {
      _id: 'sl-e2e-pledge', kind: 'activity', status: 'confirmed', openid: MEMBER, memberName: '李建国', communityId: 'c-donghu-hubin', communityName: '湖滨社区',
      activityId: null, attendanceId: null, correctsLogId: null, supersededBy: null, type: '政策宣讲', title: '楼栋政策宣讲', serviceDate: `${YEAR}-04-10`, year: YEAR,
      place: '湖滨社区', beneficiaries: '居民', content: '宣讲医保政策', hours: 2, reason: null, evidence: [], rating: null, personInCharge: '周敏', recorder: '周敏',
      reviewedBy: 'demo-community-staff', reviewedByName: '湖滨社区工作人员', reviewedAt: new Date(`${YEAR}-04-11T02:00:00.000Z`), rejectReason: null, createdAt: new Date(`${YEAR}-04-10T08:00:00.000Z`),
    },
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const loginAs = async (openid: string) => {
  const page = await browser.newPage();
  await pickPersona(page, platform.url, `e2e-persona-${openid}`);
  return page;
};
/** The personas share one browser profile (one dev token in localStorage): switching back to a page signs in again. */
const back = async (page: Page, openid: string, url: string) => {
  await pickPersona(page, platform.url, `e2e-persona-${openid}`);
  await open(page, url);
};
const open = (page: Page, url: string) => openRoute(page, platform.url, url);
const fill = fillField;

async function makePledge(page: Page, text: string, categoryIndex: number) {
  await fill(page, 'e2e-input-pledge-text', text);
  await visiblePage(page).locator('.e2e-pledge-category-picker').click();
  await visiblePage(page).locator(`.e2e-pledge-category-option-${categoryIndex}`).click();
  await visiblePage(page).locator('.e2e-pledge-date-picker').click();
  await visiblePage(page).locator('.e2e-pledge-date-option').last().click();
  await visiblePage(page).locator('.e2e-pledge-submit').click();
  expect(await answerSubscription(page, '允许')).toEqual(['承诺评诺提醒']);
  await visiblePage(page).locator('.e2e-pledge', { hasText: text }).waitFor();
}

describe('a member’s pledges from 定诺 to 评诺', () => {
  it('is approved by the secretary, shown publicly, practised with evidence, rated in December and seen by the unit', async () => {
    const member = await loginAs(MEMBER);
    await open(member, urlOf('me'));
    await visiblePage(member).locator('.e2e-profile-pledges').click();
    await makePledge(member, '每月到社区开展一次政策宣讲', 1);
    await makePledge(member, '结对帮扶两户困难家庭', 2);
    expect(await textOf(visiblePage(member).locator('.e2e-pledge-counter'), '已作出 2 项')).toContain('还可作出 3 项');
    expect(await textOf(visiblePage(member).locator('.e2e-pledge-status').first(), '待定诺')).toContain('待定诺');
    await screenshot(member, 'pledges-made');

    const secretary = await loginAs(STAFF_MEMBER);
    await open(secretary, urlOf('me'));
    await visiblePage(secretary).locator('.e2e-profile-org-work').click();
    await visiblePage(secretary).locator('.e2e-my-org', { hasText: '机关第一党支部' }).locator('.e2e-open-pledge-review').click();
    const queue = visiblePage(secretary).locator('.e2e-pledge-review-queue');
    await queue.locator('.e2e-pledge', { hasText: '李建国' }).first().waitFor();
    await screenshot(secretary, 'pledges-review-queue');
    for (const text of ['每月到社区开展一次政策宣讲', '结对帮扶两户困难家庭']) {
      await queue.locator('.e2e-pledge', { hasText: text }).locator('.e2e-pledge-approve').click();
      await answerSubscription(secretary, '允许');
      await queue.locator('.e2e-pledge', { hasText: text }).waitFor({ state: 'detached' });
    }

    // 亮承诺: a resident sees both on the branch's page, with the member's name masked.
    const resident = await loginAs(RESIDENT);
    await open(resident, urlOf('orgPage', { orgId: 'o-b-organ-1' }));
    const shown = visiblePage(resident).locator('.e2e-public-pledge');
    await shown.nth(1).waitFor();
    expect(await shown.count()).toBe(2);
    const publicText = await visiblePage(resident).locator('.e2e-org-page').innerText();
    expect(publicText).toContain('李*');
    expect(publicText).not.toContain('李建国');
    await screenshot(resident, 'pledges-public');

    // 践诺 with the confirmed service log as evidence.
    await back(member, MEMBER, urlOf('myPledges'));
    const first = visiblePage(member).locator('.e2e-pledge', { hasText: '每月到社区开展一次政策宣讲' });
    expect(await textOf(first.locator('.e2e-pledge-status'), '已定诺')).toContain('已定诺');
    await first.locator('.e2e-pledge-add-progress').click();
    await fill(member, 'e2e-input-progress-text', '四月在湖滨社区宣讲医保政策，三十多位居民参加');
    await first.locator('.e2e-evidence-option', { hasText: '楼栋政策宣讲' }).click();
    await screenshot(member, 'pledge-progress-form');
    await first.locator('.e2e-progress-submit').click();
    expect(await textOf(visiblePage(member).locator('.e2e-pledge-evidence'), '楼栋政策宣讲')).toContain('2 小时');

    // December: 评诺 opens.
    clock = new Date(`${YEAR}-12-05T02:00:00.000Z`);
    await back(secretary, STAFF_MEMBER, urlOf('orgPledgeReview', { orgId: 'o-b-organ-1' }));
    const rateQueue = visiblePage(secretary).locator('.e2e-pledge-rate-queue');
    for (const [text, grade, comment] of [
      ['每月到社区开展一次政策宣讲', 'fulfilled', '全年宣讲十次，群众反映好'],
      ['结对帮扶两户困难家庭', 'partial', '帮扶一户，另一户待继续'],
    ] as const) {
      const card = rateQueue.locator('.e2e-pledge', { hasText: text });
      await card.locator('.e2e-pledge-grade-picker').click();
      await secretary.locator(`.e2e-pledge-grade-option-${grade}`).filter({ visible: true }).first().click();
      await card.locator('.e2e-input-rate-comment textarea').fill(comment);
      await card.locator('.e2e-pledge-rate').click();
      expect(await confirmDialog(secretary)).toContain('提交后不能修改');
      await card.waitFor({ state: 'detached' });
    }
    await screenshot(secretary, 'pledges-rated');

    await back(member, MEMBER, urlOf('myPledges'));
    expect(await textOf(visiblePage(member).locator('.e2e-pledge-rating').first(), '评诺')).toMatch(/已践诺|部分践诺/);

    const unit = await loginAs(UNIT_ADMIN);
    await open(unit, urlOf('unitPledges'));
    const rows = visiblePage(unit).locator('.e2e-unit-pledge-rating');
    await rows.nth(1).waitFor();
    expect(await visiblePage(unit).locator('.e2e-unit-pledges').innerText()).toEqual(expect.stringMatching(/评诺：已践诺。全年宣讲十次[\s\S]*评诺：部分践诺。帮扶一户|评诺：部分践诺。帮扶一户[\s\S]*评诺：已践诺。全年宣讲十次/));
    await screenshot(unit, 'pledges-unit');
  }, 240_000);
});

describe('the admin console’s 党组织 tab', () => {
  it('expands the tree, renames a branch, moves it under another unit and shows the history', async () => {
    const admin = await loginAs(ADMIN);
    await open(admin, urlOf('adminConsole'));
    await visiblePage(admin).locator('.e2e-admin-tab-org').click();
    await visiblePage(admin).locator('.e2e-org-node-o-u-city-organ').click();
    await visiblePage(admin).locator('.e2e-org-node-o-g-city-organ').click();
    await visiblePage(admin).locator('.e2e-org-node-o-u-power').click();
    await visiblePage(admin).locator('.e2e-org-node-o-b-organ-3').click();
    await visiblePage(admin).locator('.e2e-org-panel', { hasText: '机关第三党支部' }).waitFor();
    await screenshot(admin, 'admin-org-tree');

    await visiblePage(admin).locator('.e2e-input-org-name input').fill('机关第三党支部（综合）');
    await visiblePage(admin).locator('.e2e-org-rename').click();
    expect(await textOf(visiblePage(admin).locator('.e2e-admin-result'), '已改名')).toContain('机关第三党支部（综合）');

    await visiblePage(admin).locator('.e2e-org-move-picker').click();
    await admin.locator('.e2e-org-move-option-o-u-power').filter({ visible: true }).first().click();
    await visiblePage(admin).locator('.e2e-org-move').click();
    expect(await textOf(visiblePage(admin).locator('.e2e-admin-result'), '已移动')).toContain('已移动');
    expect(await textOf(visiblePage(admin).locator('.e2e-org-history').first(), '移动')).toContain('移动');
    expect(await visiblePage(admin).locator('.e2e-org-history').count()).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
