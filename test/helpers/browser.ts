import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { auditPage } from './a11y';

export const ARTIFACTS = path.resolve(__dirname, '../../test-results/screenshots');

/** Debian's Chromium (apt: chromium), headless, with a fresh profile; Playwright cannot download browsers here. */
export async function launchBrowser(options: { geolocation?: { latitude: number; longitude: number; accuracy?: number } } = {}): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // The phone the 适老化 floors are measured on (issue 14): 375 px wide.
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: options.geolocation,
    permissions: options.geolocation ? ['geolocation'] : [],
  });
  return context;
}

/**
 * The Taro page that is showing. Taro H5 keeps the pages below in the stack, and every tab page visited, in the DOM
 * (hidden); a locator scoped here finds what the person sees, not a copy on a page further down. While a new page
 * slides in both are visible: the newer one is the later in the DOM. NutUI popups render inside their page, so
 * pickers and dialogs are found through it too.
 */
export function visiblePage(page: Page): Locator {
  return page.locator('.taro_router > .taro_page').filter({ visible: true }).last();
}

/**
 * Saves a full-page screenshot, after Taro's page-slide animation, so it shows one page and not two halves, and audits
 * that page (axe, text sizes, tap targets: test/helpers/a11y.ts): every step a journey records is a step a person sees,
 * so each one must meet the 适老化 floors. A failing audit fails the journey at that step.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(700);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const failures = await auditPage(page, name);
  if (failures.length > 0) throw new Error(`accessibility audit of step 「${name}」 failed:\n  ${failures.join('\n  ')}`);
  return file;
}

/** Waits until the element's text contains `expected` (Taro renders asynchronously), then returns that text. */
export async function textOf(locator: Locator, expected?: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.first().textContent({ timeout: timeoutMs }).catch(() => '')) ?? '').trim();
    if (expected === undefined ? text.length > 0 : text.includes(expected)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

/** Signs in through the local persona picker (class `e2e-persona-<openid>`, or another entry's class) and waits for 首页. */
export async function pickPersona(page: Page, baseUrl: string, personaClass: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await page.locator(`.${personaClass}`).first().click();
  await page.waitForURL(/pages\/index\/index/);
  // Let 首页 finish mounting and loading; a navigation started while the picker's reLaunch is still settling can
  // be overtaken by it on a slow machine.
  await page.waitForLoadState('networkidle');
}

/**
 * Answers the local app's subscription dialog (its stand-in for wx.requestSubscribeMessage) and returns the
 * template titles it listed. On 允许 it waits until the grant reached the local platform.
 */
export async function answerSubscription(page: Page, answer: '允许' | '取消'): Promise<string[]> {
  const dialog = page.locator('.e2e-subscribe-dialog').first();
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const titles = (await dialog.locator('.e2e-subscribe-template').allTextContents()).map((t) => t.trim());
  if (answer === '允许') {
    await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/dev/subscribe') && res.status() === 200, { timeout: 10_000 }),
      dialog.locator('.e2e-subscribe-allow').click(),
    ]);
  } else {
    await dialog.locator('.e2e-subscribe-cancel').click();
  }
  await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  return titles;
}

/**
 * Answers the confirmation an irreversible action asks first (src/lib/confirm.ts, Taro's showModal on H5) and returns
 * what it said, title and text, so a test can check the person was told what will happen.
 */
export async function confirmDialog(page: Page, answer: '确定' | '再想想' = '确定'): Promise<string> {
  // The wrapper has no box of its own (its mask and content are fixed): wait for the content.
  const modal = page.locator('.taro__modal .taro-modal__content').filter({ visible: true });
  await modal.waitFor({ state: 'visible', timeout: 10_000 });
  const said = ((await modal.innerText()) ?? '').replace(/\s+/g, ' ').trim();
  await modal.locator(answer === '确定' ? '.taro-model__confirm' : '.taro-model__cancel').click();
  await page.locator('.taro__modal .taro-modal__content').filter({ visible: true }).waitFor({ state: 'detached', timeout: 5_000 });
  return said;
}
