import type { BrowserContext, Page } from 'playwright-core';
import { confirmDialog, fillField, launchBrowser, openRoute, pickOption, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { expectOk, H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { ADMIN, STAFF_MEMBER, STREET_STAFF } from '../fixtures/personas';
import { shanghaiYear } from '../../src/domain/shanghai-time';
import { ROUTES, urlOf } from '../../src/routes';

/**
 * 五星创评 on the seeded demo year (local/seed/star-seed.ts): 周敏 finds her branch's 自评 from the workbench entry;
 * the rating organisation's own 党组织工作人员 (街道工作人员, granted on 南昌市直机关工委 here) reports the 统计表 for
 * the half-year once; the district (the admin) sees it reported.
 */
let platform: TestPlatform;
let browser: BrowserContext;
const YEAR = String(shanghaiYear(new Date()));
const RATING_ORG = 'o-u-city-organ';

beforeAll(async () => {
  platform = await startTestPlatform({ h5Dir: H5_DIR });
  browser = await launchBrowser();
  expectOk(await platform.call('user', ADMIN, { action: 'grantRole', openid: STREET_STAFF, role: 'org_staff', scopeType: 'organisation', scopeId: RATING_ORG }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const loginAs = async (openid: string): Promise<Page> => {
  const page = await browser.newPage();
  await pickPersona(page, platform.url, `e2e-persona-${openid}`);
  return page;
};
const open = (page: Page, url: string) => openRoute(page, platform.url, url);

describe('五星创评 待办 and the half-yearly 报送', () => {
  it('takes the secretary from the workbench to her pending 自评', async () => {
    const secretary = await loginAs(STAFF_MEMBER);
    await open(secretary, ROUTES.staffWorkbench);
    const entry = visiblePage(secretary).locator('.e2e-workbench-stars');
    expect(await textOf(entry, '待自评、审核或评定 1')).toContain('五星创评');
    await entry.click();
    const item = visiblePage(secretary).locator('.e2e-star-work-selfAssess');
    expect(await textOf(item, '机关第一党支部')).toContain('待自评');
    await screenshot(secretary, 'star-work');
    await item.locator('.e2e-star-work-open-o-b-organ-1').click();
    expect(await textOf(visiblePage(secretary).locator('.e2e-star-form'), '支部自评')).toContain('机关第一党支部');
    await pickOption(secretary, 'star-proposed', '4');
    await fillField(secretary, 'e2e-input-situation', '支部有党员 18 名，按期开展三会一课和主题党日');
    await visiblePage(secretary).locator('.e2e-star-submit').click();
    await confirmDialog(secretary);
    expect(await textOf(visiblePage(secretary).locator('.e2e-star-summary'), '待上级审核')).toContain('待上级审核');

    // Back, the pages below read again: the 待办 list is empty, and the workbench drops the entry (she has no other
    // 五星创评 work) instead of still counting 1.
    await secretary.goBack();
    expect(await textOf(visiblePage(secretary).locator('.e2e-star-work'), '暂无待办')).toContain('暂无待办');
    await secretary.goBack();
    await visiblePage(secretary).locator('.e2e-workbench-areas').waitFor();
    await visiblePage(secretary).locator('.e2e-workbench-stars').waitFor({ state: 'detached', timeout: 10_000 });
  }, 120_000);

  it('reports the 统计表 once for the half-year, and the district sees it reported', async () => {
    const rater = await loginAs(STREET_STAFF);
    await open(rater, urlOf('starStatistics', { orgId: RATING_ORG, year: YEAR }));
    const panel = visiblePage(rater).locator('.e2e-star-report');
    expect(await textOf(panel, '尚未报送')).toContain('尚未报送');
    await panel.locator('.e2e-star-report-submit').click();
    expect(await confirmDialog(rater)).toContain('不能撤回或再次报送');
    expect(await textOf(panel.locator('.e2e-star-report-done'), '已报送')).toContain('已报送');
    expect(await panel.locator('.e2e-star-report-submit').count()).toBe(0);
    await screenshot(rater, 'star-report');

    const district = await loginAs(ADMIN);
    await open(district, ROUTES.starReports);
    expect(await textOf(visiblePage(district).locator('.e2e-star-report-done'), '南昌市直机关工委')).toContain('已报送');
    await screenshot(district, 'star-reports');
  }, 120_000);
});
