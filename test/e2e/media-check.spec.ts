import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, pickPersona, screenshot, textOf, visiblePage } from '../helpers/browser';
import { expectOk, H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { mediaChecksSettled } from '../helpers/media-checks';
import { uploadPhoto } from '../helpers/upload-photo';
import { aWishInput } from '../fixtures/builders';
import { MEMBER, RESIDENT, STAFF } from '../fixtures/personas';
import type { WishDetailView } from '../../src/domain/wish.schema';

/** A photo others can see waits for WeChat's image check: the poster sees 审核中, others nothing, until it passes. */
let platform: TestPlatform;
let browser: BrowserContext;

beforeAll(async () => {
  // A push slow enough that the page before WeChat answers can be looked at on a loaded machine.
  platform = await startTestPlatform({ h5Dir: H5_DIR, wx: { mediaCheckDelayMs: 15_000 } });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const loginAs = (page: Page, openid: string) => pickPersona(page, platform.url, `e2e-persona-${openid}`);

it('a wish posted with a photo shows 审核中 to the poster, and the photo reaches others once the check passed', async () => {
  const photo = await uploadPhoto(platform, RESIDENT);
  const posted = expectOk(await platform.call<WishDetailView>('wish', RESIDENT, { action: 'post', ...aWishInput({ title: '想要一台收音机', photos: [photo] }) }));
  expectOk(await platform.call('wish', STAFF, { action: 'review', wishId: posted.id, decision: 'approve' }));
  const detailUrl = `${platform.url}/#/pages/wish-detail/index?id=${posted.id}`;
  const page = await browser.newPage();

  await loginAs(page, RESIDENT);
  await page.goto(detailUrl);
  expect(await textOf(visiblePage(page).locator('.e2e-photo-mark'), '审核中')).toBe('审核中');
  await screenshot(page, 'media-check-poster-pending');

  await loginAs(page, MEMBER);
  await page.goto(detailUrl);
  await visiblePage(page).locator('.e2e-wish-detail').waitFor();
  expect(await visiblePage(page).locator('.wish-detail__photo').count()).toBe(0);

  await mediaChecksSettled(platform, 30_000);
  await page.reload();
  await visiblePage(page).locator('.wish-detail__photo').first().waitFor();
  expect(await visiblePage(page).locator('.e2e-photo-mark').count()).toBe(0);
  await screenshot(page, 'media-check-passed-other');
  await page.close();
}, 90_000);
