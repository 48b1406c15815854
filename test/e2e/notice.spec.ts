import { launchBrowser, screenshot, textOf, visiblePage } from '../helpers/browser';
import { h5Session } from '../helpers/h5-session';

const session = h5Session();

const { loginAs } = session;

const TITLE = '关于开展消防安全演练的通知';

describe('社区公告 end to end', () => {
  it('a notice posted by staff appears on 首页 for residents of that community and not for another’s', async () => {
    const page = await session.browser.newPage();
    await loginAs(page, 'demo-community-staff');
    await session.open(page, `/pages/notice-list/index`);
    await visiblePage(page).locator('.e2e-notice-new').click();
    await page.waitForURL(/notice-editor/);
    await visiblePage(page).locator('.e2e-notice-category-picker').click();
    await visiblePage(page).locator('.e2e-notice-category-option-0').click();
    await visiblePage(page).locator('.e2e-input-title input').fill(TITLE);
    await visiblePage(page).locator('.e2e-input-body textarea').fill('本周五下午 3 点在社区广场开展消防安全演练，请各楼栋居民准时参加。');
    await screenshot(page, 'notice-editor');
    await visiblePage(page).locator('.e2e-notice-submit').click();
    await page.waitForURL(/notice-detail/, { timeout: 15_000 });
    expect(await textOf(visiblePage(page).locator('.e2e-notice-detail-title'), TITLE)).toBe(TITLE);
    const url = page.url();
    await screenshot(page, 'notice-published');

    await loginAs(page, 'demo-resident');
    expect(await textOf(visiblePage(page).locator('.e2e-home-notices'), TITLE)).toContain(TITLE);
    await screenshot(page, 'notice-home-same-community');

    await loginAs(page, 'new-member');
    await visiblePage(page).locator('.e2e-community-option-c-xihu-chaoyang').click();
    expect(await textOf(visiblePage(page).locator('.e2e-home-notices'), '暂无公告')).toContain('暂无公告');
    expect(await page.locator('body').innerText()).not.toContain(TITLE);
    await screenshot(page, 'notice-home-other-community');
    await page.close();

    // Shared link, nobody signed in: still readable.
    const anonymous = await launchBrowser();
    const reader = await anonymous.newPage();
    await reader.goto(url);
    expect(await textOf(visiblePage(reader).locator('.e2e-notice-body'), '消防安全演练')).toContain('消防安全演练');
    await screenshot(reader, 'notice-shared-anonymous');
    await anonymous.close();
  }, 120_000);
});
