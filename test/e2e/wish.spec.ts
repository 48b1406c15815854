import type { BrowserContext, Page } from 'playwright-core';
import { answerSubscription, confirmDialog, launchBrowser, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { localTemplateId } from '../../src/domain/notice-templates';
import { expectOk, H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { MEMBER, RESIDENT, STAFF } from '../fixtures/personas';

let platform: TestPlatform;
let browser: BrowserContext;
let rival: BrowserContext;

const SECOND_MEMBER = 'e2e-wish-member-2';
const PHONE = '13766668888';
const TITLE = '想要一个新书包';

beforeAll(async () => {
  platform = await startTestPlatform({ h5Dir: H5_DIR });
  expectOk(
    await platform.call('user', SECOND_MEMBER, {
      action: 'registerMember', name: '赵志强', phone: '13600001111', workUnitId: 'u-power-supply', partyBranch: '供电第一党支部', skills: [], requestId: 'e2e-wish-register-2',
    }),
  );
  browser = await launchBrowser();
  rival = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rival?.close();
  await platform?.close();
});

const loginAs = (page: Page, openid: string) => pickPersona(page, platform.url, `e2e-persona-${openid}`);

/**
 * A person without a persona entry: the same token the picker would store, set the way Taro stores it — on a
 * same-origin page that is not the app, so no page of the app runs (and is sent to the login page) before it is set.
 */
async function loginWithToken(page: Page, openid: string) {
  const token = await platform.login(openid);
  await page.goto(`${platform.url}/_emulator/health`);
  await page.evaluate(
    ([t, o]) => {
      localStorage.setItem('devToken', JSON.stringify({ data: t }));
      localStorage.setItem('devOpenid', JSON.stringify({ data: o }));
    },
    [token, openid],
  );
}

async function pick(page: Page, hook: string, value: string) {
  await visiblePage(page).locator(`.e2e-${hook}-picker`).click();
  await visiblePage(page).locator(`.e2e-${hook}-option-${value}`).click();
}

const detailUrl = (id: string) => `${platform.url}/#/pages/wish-detail/index?id=${id}`;

describe('微心愿 from wish to 销号, in public', () => {
  it('resident posts → staff publishes → wall (masked) → claim with contact → 已被认领 → delivered with photo → confirmed → 公示 and ledger', async () => {
    const page = await browser.newPage();

    // The resident posts a wish.
    await loginAs(page, RESIDENT);
    await page.goto(`${platform.url}/#/pages/wishes/index`);
    await visiblePage(page).locator('.e2e-wish-post-cta').click();
    await page.waitForURL(/wish-post/);
    await visiblePage(page).locator('.e2e-input-title input').fill(TITLE);
    await visiblePage(page).locator('.e2e-input-story textarea').fill('孩子今年上三年级，书包已经破了，希望有一个新书包和一套文具。');
    await pick(page, 'wish-category', '学习用品');
    await pick(page, 'wish-beneficiary', '留守儿童');
    await visiblePage(page).locator('.e2e-input-value input').fill('900');
    await visiblePage(page).locator('.e2e-input-beneficiaryName input').fill('张小花');
    await visiblePage(page).locator('.e2e-input-beneficiaryPhone input').fill(PHONE);
    await visiblePage(page).locator('.e2e-submit-wish').click();
    // Every tap asks (WeChat allows asking only inside the tap); this time the resident declines.
    expect(await answerSubscription(page, '取消')).toEqual(['心愿审核结果通知', '心愿送达通知']);
    expect(await textOf(visiblePage(page).locator('.e2e-error-value'), '500')).toBe('微心愿的预估价值不能超过 500 元');
    await screenshot(page, 'wish-post-value-error');
    await visiblePage(page).locator('.e2e-input-value input').fill('120');
    await visiblePage(page).locator('.e2e-submit-wish').click();
    await answerSubscription(page, '允许');
    await page.waitForURL(/wish-detail/, { timeout: 15_000 });
    expect(await textOf(visiblePage(page).locator('.e2e-wish-status'), '待审核')).toBe('待审核');
    const wishId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') as string;
    expect(wishId).toBeTruthy();
    await screenshot(page, 'wish-posted-pending');

    // Staff see it in the review queue and publish it.
    await loginAs(page, STAFF);
    await page.goto(`${platform.url}/#/packages/staff/pages/wish-review/index`);
    expect(await textOf(visiblePage(page).locator(`.e2e-staff-row-${wishId}`), TITLE)).toContain(PHONE);
    await screenshot(page, 'wish-review-queue');
    await page.goto(detailUrl(wishId));
    await visiblePage(page).locator('.e2e-action-approve').click();
    expect(await textOf(visiblePage(page).locator('.e2e-wish-status'), '待认领')).toBe('待认领');

    // The member sees it on the wall, masked; a second member has the same page open.
    await loginAs(page, MEMBER);
    await page.goto(`${platform.url}/#/pages/wishes/index`);
    const card = visiblePage(page).locator(`.e2e-wish-${wishId}`);
    expect(await textOf(card.locator('.e2e-wish-beneficiary'), '张**')).toContain('张**（留守儿童）');
    const wallText = await visiblePage(page).locator('.page-wishes').innerText();
    expect(wallText).not.toContain('张小花');
    expect(wallText).not.toContain(PHONE);
    await screenshot(page, 'wish-wall-masked');

    const rivalPage = await rival.newPage();
    await loginWithToken(rivalPage, SECOND_MEMBER);
    await rivalPage.goto(detailUrl(wishId));
    await visiblePage(rivalPage).locator('.e2e-action-claim').waitFor();
    expect(await visiblePage(rivalPage).locator('.e2e-detail-contact').count()).toBe(0);

    await card.click();
    await page.waitForURL(/wish-detail/);
    await visiblePage(page).locator('.e2e-action-claim').click();
    expect(await answerSubscription(page, '允许')).toEqual(['心愿认领到期提醒', '心愿认领结束通知']);
    expect(await confirmDialog(page)).toContain('认领后由您负责完成这个心愿');
    expect(await textOf(visiblePage(page).locator('.e2e-contact-phone'), PHONE)).toBe(PHONE);
    expect(await textOf(visiblePage(page).locator('.e2e-contact-name'), '张小花')).toBe('张小花');
    await screenshot(page, 'wish-claimed-contact');

    await visiblePage(rivalPage).locator('.e2e-action-claim').click();
    await answerSubscription(rivalPage, '取消');
    await confirmDialog(rivalPage);
    expect(await textOf(rivalPage.locator('body'), '已被认领')).toContain('该心愿已被认领');
    // The page then shows the truth: claimed, by a masked name, and no claim button.
    expect(await textOf(visiblePage(rivalPage).locator('.e2e-wish-status'), '已认领')).toBe('已认领');
    expect(await textOf(visiblePage(rivalPage).locator('.e2e-detail-helper'), '李**')).toBe('李**');
    expect(await visiblePage(rivalPage).locator('.e2e-action-claim').count()).toBe(0);
    await screenshot(rivalPage, 'wish-second-member-already-claimed');
    expect(await rivalPage.locator('body').innerText()).not.toContain(PHONE);
    await rivalPage.close();

    // The member delivers with a photo and a note.
    await visiblePage(page).locator('.e2e-action-deliver').click();
    const chooser = page.waitForEvent('filechooser');
    await visiblePage(page).locator('.e2e-deliver-photo-upload').click();
    await (await chooser).setFiles({
      name: 'delivery.png',
      mimeType: 'image/png',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'),
    });
    await visiblePage(page).locator('.e2e-deliver-photo-thumb').waitFor();
    await visiblePage(page).locator('.e2e-input-note textarea').fill('已将书包和文具送到孩子家中');
    await visiblePage(page).locator('.e2e-action-submit').click();
    expect(await textOf(visiblePage(page).locator('.e2e-wish-status'), '已送达')).toBe('已送达');
    await visiblePage(page).locator('.e2e-delivery-photo').waitFor();
    await screenshot(page, 'wish-delivered');

    // The resident confirms: 销号.
    await loginAs(page, RESIDENT);
    await page.goto(detailUrl(wishId));
    await visiblePage(page).locator('.e2e-action-confirm').click();
    expect(await confirmDialog(page)).toContain('心愿销号');
    expect(await textOf(visiblePage(page).locator('.e2e-wish-status'), '已销号')).toBe('已销号');
    await screenshot(page, 'wish-closed');

    // On the 公示 list with who helped, and in the ledger.
    await page.goto(`${platform.url}/#/pages/wishes/index`);
    await visiblePage(page).locator('.e2e-tab-publicity').click();
    const shown = visiblePage(page).locator(`.e2e-publicity-list .e2e-wish-${wishId}`);
    expect(await textOf(shown.locator('.e2e-wish-helper'), '李**')).toBe('帮扶人：李**');
    expect(await textOf(visiblePage(page).locator('.e2e-ledger-c-donghu-hubin .e2e-ledger-closed'), '1')).toBe('1');
    // Earlier pages stay in the H5 page stack (the resident's own detail shows the phone); the tab must not.
    expect(await visiblePage(page).locator('.page-wishes').innerText()).not.toContain(PHONE);
    await screenshot(page, 'wish-publicity-ledger');
    await page.close();

    // Exactly what was allowed went out: the resident's two notices; the member's stay granted for later.
    const sent = platform.emulator.wx.outbox().filter((m) => m.page === `pages/wish-detail/index?id=${wishId}`);
    expect(sent.map((m) => [m.touser, m.template_id])).toEqual([
      [RESIDENT, localTemplateId('wishReviewed')],
      [RESIDENT, localTemplateId('wishDelivered')],
    ]);
    const { grants } = (await (await fetch(`${platform.url}/_emulator/subscriptions`)).json()) as { grants: { openid: string; templateId: string; remaining: number }[] };
    expect(grants.filter((g) => g.openid === MEMBER || g.openid === SECOND_MEMBER)).toEqual([
      { openid: MEMBER, templateId: localTemplateId('wishClaimReminder'), remaining: 1 },
      { openid: MEMBER, templateId: localTemplateId('wishClaimEnded'), remaining: 1 },
    ]);
  }, 120_000);
});
