import type { Page } from 'playwright-core';
import { screenshot, textOf, visiblePage } from '../helpers/browser';
import { h5Session } from '../helpers/h5-session';

const session = h5Session();

const { loginAs } = session;

async function fill(page: Page, field: string, value: string) {
  const input = visiblePage(page).locator(`.e2e-input-${field} input`);
  await input.fill(value);
}

const PHONE = '13687654321';

describe('a new party member registers from the persona picker', () => {
  it('gets a Chinese field error for a wrong phone, then sees their own profile with the full phone', async () => {
    const page = await session.browser.newPage();
    await loginAs(page, 'new-member');

    await session.open(page, `/pages/me/index`);
    await visiblePage(page).locator('.e2e-register-cta').click();
    await page.waitForURL(/member-register/);

    await fill(page, 'name', '张卫红');
    await fill(page, 'phone', '1368765');
    await visiblePage(page).locator('.e2e-unit-picker').click();
    await visiblePage(page).locator('.e2e-unit-option-u-power-supply').click();
    // The branch is picked from the tree, level by level: 单位党委 → 党支部.
    await visiblePage(page).locator('.e2e-branch-picker').click();
    await visiblePage(page).locator('.e2e-branch-node-o-u-power').click();
    await visiblePage(page).locator('.e2e-branch-node-o-b-power-1').click();
    expect(await textOf(visiblePage(page).locator('.e2e-branch-picker'), '供电第一党支部')).toContain('供电第一党支部');
    await visiblePage(page).locator('.e2e-submit-register').click();

    expect(await textOf(visiblePage(page).locator('.e2e-error-phone'), '手机号')).toBe('手机号应为 11 位数字，以 13–19 开头');
    await screenshot(page, 'member-register-phone-error');

    await fill(page, 'phone', PHONE);
    await visiblePage(page).locator('.e2e-submit-register').click();
    // A first registration leads on to the next step, 报到; the profile is then on 我的.
    await page.waitForURL(/pages\/checkin\/index/, { timeout: 15_000 });
    // A fresh load of 我的, so the profile is read after the registration rather than from the page left behind.
    await session.open(page, `/pages/me/index`);
    await page.reload();
    expect(await textOf(visiblePage(page).locator('.e2e-profile-phone'), PHONE)).toContain(PHONE);
    expect(await textOf(visiblePage(page).locator('.e2e-profile-unit'), '国网南昌供电公司')).toContain('国网南昌供电公司');
    expect(await textOf(visiblePage(page).locator('.e2e-profile-branch'), '供电第一党支部')).toContain('供电第一党支部');
    await screenshot(page, 'member-profile-own-phone');

    // Opened again, the form edits the profile, and its H5 title bar says so (the title is set at run time).
    await session.open(page, `/pages/member-register/index`);
    expect(await textOf(visiblePage(page).locator('.e2e-nav-title'), '编辑资料')).toBe('编辑资料');
    await page.close();
  }, 60_000);

  it('shows that phone nowhere to a resident', async () => {
    const page = await session.browser.newPage();
    await loginAs(page, 'demo-resident');
    for (const route of ['pages/index/index', 'pages/me/index', 'pages/wishes/index', 'pages/qa/index']) {
      await session.open(page, `/${route}`);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('13907911234');
    }
    await screenshot(page, 'resident-home');
    await page.close();
  }, 60_000);
});
