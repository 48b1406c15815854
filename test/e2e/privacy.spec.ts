import type { Page } from 'playwright-core';
import type { WishCardView } from '../../src/domain/wish.schema';
import { confirmDialog, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { h5Session } from '../helpers/h5-session';
import { expectOk } from '../helpers/local-platform';
import { uploadPhoto } from '../helpers/upload-photo';
import { aQuestion, aWishInput, requestId } from '../fixtures/builders';
import { HUBIN, MEMBER, RESIDENT, STAFF } from '../fixtures/personas';

const session = h5Session();

const WISH = '想要一台收音机';
const OPEN_WISH = '想要一副老花镜';
const BENEFICIARY = { name: '孙秀英', phone: '13722223333' };

/** The resident's history: a wish closed and on the 公示, a wish still open, an answered public question and an open one. */
async function givenResidentHistory(): Promise<string> {
  const posted = expectOk(await session.platform.call('wish', RESIDENT, { action: 'post', ...aWishInput({ title: WISH, beneficiaryName: BENEFICIARY.name, beneficiaryPhone: BENEFICIARY.phone }) }));
  if (posted.status === 'submitted') expectOk(await session.platform.call('wish', STAFF, { action: 'review', wishId: posted.id, decision: 'approve' }));
  expectOk(await session.platform.call('wish', MEMBER, { action: 'claim', wishId: posted.id }));
  expectOk(await session.platform.call('wish', MEMBER, { action: 'deliver', wishId: posted.id, photos: [await uploadPhoto(session.platform, MEMBER)], note: '已送到家中' }));
  expectOk(await session.platform.call('wish', RESIDENT, { action: 'move', wishId: posted.id, event: 'confirm' }));
  expectOk(await session.platform.call('wish', RESIDENT, { action: 'post', ...aWishInput({ title: OPEN_WISH, beneficiaryName: BENEFICIARY.name, beneficiaryPhone: BENEFICIARY.phone, photos: [await uploadPhoto(session.platform, RESIDENT)] }) }));
  const asked = expectOk(await session.platform.call('qa', RESIDENT, aQuestion({ title: '楼道灯坏了', askerName: BENEFICIARY.name, isPublic: true })));
  expectOk(await session.platform.call('qa', STAFF, { action: 'answer', id: asked.id, content: '已安排电工维修。', photos: [], requestId: requestId('ans') }));
  expectOk(await session.platform.call('qa', RESIDENT, aQuestion({ title: '垃圾分类时间', askerName: BENEFICIARY.name })));
  return posted.id;
}

describe('我的信息, export and 注销', () => {
  it('a resident sees their data, exports it and withdraws; the 公示 keeps the closed wish as 已注销用户', async () => {
    const closedId = await givenResidentHistory();
    const page: Page = await session.browser.newPage();
    await pickPersona(page, session.platform.url, `e2e-persona-${RESIDENT}`);
    await session.open(page, `/pages/me/index`);
    await visiblePage(page).locator('.e2e-me-my-data').click();
    await page.waitForURL(/my-data/);
    const data = visiblePage(page).locator('.page-my-data');
    expect(await textOf(data.locator('.e2e-my-data-wishes'), WISH)).toContain(OPEN_WISH);
    expect(await textOf(data.locator('.e2e-my-data-questions'), '楼道灯坏了')).toContain('保存期限');
    await screenshot(page, 'privacy-my-data');

    await data.locator('.e2e-export-run').click();
    await data.locator('.e2e-export-files').waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.context().waitForEvent('page'), data.locator('.e2e-export-open-json').click()]);
    await download.waitForURL(/\.json/, { timeout: 10_000 });
    await download.close();
    await screenshot(page, 'privacy-exported');

    const lines = await data.locator('.e2e-withdraw-line').allTextContents();
    expect(lines.join('\n')).toContain('1 个已销号的心愿保留在公示中，显示为“已注销用户”');
    expect(lines.join('\n')).toContain('1 个尚未被认领的心愿将被撤回');
    await data.locator('.e2e-input-confirmation input').fill('确认注销');
    await screenshot(page, 'privacy-withdraw-confirm');
    await data.locator('.e2e-withdraw-submit').click();
    expect(await confirmDialog(page)).toContain('注销后无法恢复');
    await page.waitForURL(/pages\/index\/index/, { timeout: 15_000 });

    const publicity = expectOk(await session.platform.call<{ items: WishCardView[] }>('wish', null, { action: 'publicity', communityId: HUBIN.id }));
    expect(publicity.items.find((w) => w.id === closedId)).toMatchObject({ status: 'closed', beneficiaryName: '已注销用户' });
    const text = JSON.stringify([publicity, expectOk(await session.platform.call('qa', null, { action: 'publicList', communityId: HUBIN.id }))]);
    expect(text).not.toContain(BENEFICIARY.name);
    expect(text).not.toContain(BENEFICIARY.phone);
    expect(text).not.toContain(OPEN_WISH);

    await session.open(page, `/pages/wishes/index`);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'privacy-after-withdraw');
    await page.close();
  }, 120_000);

  it('opens the privacy policy without signing in', async () => {
    const page = await session.browser.newPage();
    await session.open(page, `/pages/privacy-policy/index`);
    const policy = visiblePage(page).locator('.page-privacy-policy');
    expect(await textOf(policy.locator('.e2e-policy-collected'), '在职党员登记信息')).toContain('手机号');
    expect(await textOf(policy.locator('.e2e-policy-rights'), '注销')).toContain('确认注销');
    await screenshot(page, 'privacy-policy');
    await page.close();
  }, 60_000);
});
