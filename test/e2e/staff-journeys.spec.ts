import type { BrowserContext, Page } from 'playwright-core';
import { confirmDialog, launchBrowser, openRoute, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { expectOk, H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { aWish } from '../fixtures/builders';
import { insertDocs, storedDoc } from '../fixtures/database';
import { ADMIN, HUBIN, LEAGUE, MEMBER, STAFF } from '../fixtures/personas';

/**
 * The staff pages that had no journey (issue 14): 心愿活动, 意向匹配, 认领督办 with 释放, and the 管理后台. Each step a
 * person sees is a screenshot, and every screenshot is audited (test/helpers/browser.ts → auditPage).
 */
let platform: TestPlatform;
let browser: BrowserContext;

const SUBMITTED = 'w-e2e-staff-submitted';
const OVERDUE = 'w-e2e-staff-overdue';

beforeAll(async () => {
  platform = await startTestPlatform({ h5Dir: H5_DIR });
  // A wish waiting for review (for the campaign) and a claim far past its deadline (for the chase).
  await insertDocs(platform, 'wishes', [
    aWish({ _id: SUBMITTED, status: 'submitted', title: '想要一双新运动鞋' }),
    aWish({ _id: OVERDUE, status: 'claimed', title: '需要一台收音机' }),
  ]);
  // A member offers help; league staff match it to a wish.
  expectOk(await platform.call('wish', MEMBER, { action: 'offer', communityId: HUBIN.id, ways: ['购赠实物'], note: '可以买些学习用品', requestId: 'e2e-staff-offer-1' }));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const loginAs = (page: Page, openid: string) => pickPersona(page, platform.url, `e2e-persona-${openid}`);
const open = (page: Page, route: string) => openRoute(page, platform.url, route);

/** Polls `read` until `done` holds (or 10 s pass) and returns the last value read. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

async function pick(page: Page, hook: string, value?: string) {
  await visiblePage(page).locator(`.e2e-${hook}-picker`).first().click();
  const option = visiblePage(page).locator(value ? `.e2e-${hook}-option-${value}` : `.e2e-${hook}-option`).first();
  await option.click();
}

describe('团委 journeys', () => {
  it('心愿活动: creates a campaign, then puts a waiting wish into it', async () => {
    const page = await browser.newPage();
    await loginAs(page, LEAGUE);
    await open(page, '/packages/staff/pages/wish-campaign/index');
    await visiblePage(page).locator('.e2e-campaign-form').waitFor();
    await screenshot(page, 'staff-campaign-empty');

    await visiblePage(page).locator('.e2e-input-campaign-name input').fill('六一微心愿');
    await visiblePage(page).locator('.e2e-input-campaign-day input').fill(`${new Date().getFullYear() + 1}-06-01`);
    await visiblePage(page).locator('.e2e-submit-campaign').click();
    expect(await textOf(visiblePage(page).locator('.e2e-campaign-list'), '六一微心愿')).toContain('六一微心愿');
    await screenshot(page, 'staff-campaign-created');

    await visiblePage(page).locator('.e2e-add-to-campaign').first().click();
    expect(await eventually(async () => (await storedDoc<{ campaign: { id: string } | null }>(platform, 'wishes', SUBMITTED))?.campaign?.id ?? null, (id) => id !== null)).not.toBeNull();
    await screenshot(page, 'staff-campaign-added');
  }, 90_000);

  it('意向匹配: proposes a published wish to a member’s offer', async () => {
    const page = await browser.newPage();
    await loginAs(page, LEAGUE);
    await open(page, '/packages/staff/pages/wish-match/index');
    await visiblePage(page).locator('.e2e-offer-list').waitFor();
    await screenshot(page, 'staff-match-offers');

    const offerPicker = visiblePage(page).locator('[class*="e2e-match-"][class*="-picker"]').first();
    await offerPicker.click();
    await visiblePage(page).locator('[class*="e2e-match-"][class*="-option-w-seed-1"]').first().click();
    await visiblePage(page).locator('.e2e-assign').first().click();
    expect(await textOf(visiblePage(page).locator('.e2e-offer-list'), '待对方确认')).toContain('待对方确认');
    await screenshot(page, 'staff-match-proposed');
  }, 90_000);

  it('认领督办: an overdue claim is marked, and 释放 asks for a reason and a confirmation', async () => {
    const page = await browser.newPage();
    await loginAs(page, LEAGUE);
    await open(page, '/packages/staff/pages/wish-chase/index');
    const row = visiblePage(page).locator(`.e2e-staff-row-${OVERDUE}`);
    await row.waitFor();
    expect(await textOf(row.locator('.e2e-urgency'), '已超期')).toBe('已超期');
    await screenshot(page, 'staff-chase-list');

    await row.click();
    await page.waitForURL(/wish-detail/);
    await visiblePage(page).locator('.e2e-action-release').click();
    await visiblePage(page).locator('.e2e-input-reason input').fill('认领人联系不上，重新开放认领');
    await screenshot(page, 'staff-chase-release-reason');
    await visiblePage(page).locator('.e2e-action-submit').click();
    expect(await confirmDialog(page, '确定')).toContain('释放');
    expect(await eventually(async () => (await storedDoc<{ status: string }>(platform, 'wishes', OVERDUE))?.status, (status) => status === 'published')).toBe('published');
    await screenshot(page, 'staff-chase-released');
  }, 90_000);
});

describe('社区工作台', () => {
  it('shows each queue with its pending count from one read, and no area that is not built', async () => {
    const page = await browser.newPage();
    await loginAs(page, STAFF);
    await open(page, '/packages/staff/pages/workbench/index');
    const areas = visiblePage(page).locator('.e2e-workbench-areas');
    await areas.waitFor();
    const counts = expectOk(await platform.call<{ checkins?: number; qa: number }>('user', STAFF, { action: 'workbench', communityId: HUBIN.id }));
    expect(await textOf(visiblePage(page).locator('.e2e-workbench-pending-checkins'), '待审核报到')).toBe(`待审核报到 ${counts.checkins}`);
    expect(await textOf(visiblePage(page).locator('.e2e-workbench-pending-qa'), '待处理问政')).toBe(`待处理问政 ${counts.qa}`);
    expect(await areas.innerText()).not.toContain('即将上线');
    await screenshot(page, 'staff-workbench-counts');
  }, 90_000);
});

describe('管理后台', () => {
  it('creates a unit, then grants a role by finding the person', async () => {
    const page = await browser.newPage();
    await loginAs(page, ADMIN);
    await open(page, '/packages/admin/pages/console/index');
    await visiblePage(page).locator('.e2e-admin-tab-unit').waitFor();
    await screenshot(page, 'admin-console');

    await visiblePage(page).locator('.e2e-admin-tab-unit').click();
    await visiblePage(page).locator('.e2e-input-unit-name input').fill('南昌市测试单位');
    await visiblePage(page).locator('.e2e-submit-unit').click();
    expect(await textOf(visiblePage(page).locator('.e2e-admin-result'), '南昌市测试单位')).toContain('已创建单位「南昌市测试单位」');
    await screenshot(page, 'admin-unit-created');

    await visiblePage(page).locator('.e2e-admin-tab-grant').click();
    await visiblePage(page).locator('.e2e-input-grant-person input').fill('李建国');
    await visiblePage(page).locator('.e2e-search-person').click();
    await visiblePage(page).locator('.e2e-person-match').first().click();
    await visiblePage(page).locator('.e2e-person-chosen').waitFor();
    await pick(page, 'grant-role', 'community_staff');
    await pick(page, 'grant-scope-type', 'community');
    await pick(page, 'grant-scope', HUBIN.id);
    await screenshot(page, 'admin-grant-form');
    await visiblePage(page).locator('.e2e-submit-grant').click();
    expect(await textOf(visiblePage(page).locator('.e2e-admin-result'), '已授予')).toContain('已授予');
    await screenshot(page, 'admin-grant-done');
  }, 90_000);
});
