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
  // Let the picker's reLaunch finish: 首页 alone in the router and slid in, then its loading done. A navigation started
  // while the reLaunch is still settling can be overtaken by it on a slow machine (the URL changes before the render).
  await page.waitForFunction(
    (home) => {
      const pages = [...document.querySelectorAll('.taro_router > .taro_page')];
      return pages.length === 1 && pages[0].id.split('?')[0] === home && pages[0].classList.contains('taro_page_stationed');
    },
    HOME_ROUTE,
    { timeout: 15_000 },
  );
  await page.waitForLoadState('networkidle');
}

const HOME_ROUTE = '/pages/index/index';
/** The route of the page showing: the last visible page in Taro's router (see visiblePage). */
const showingRoute = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll('.taro_router > .taro_page')].filter((el) => el.getClientRects().length > 0);
    return shown.length === 0 ? '' : shown[shown.length - 1].id.split('?')[0];
  });

/**
 * Opens a route (`/pages/…`, query allowed) of the H5 app and waits until its page is the one showing. A page that
 * sends the person elsewhere at once (a redirect, the login page) is left to the spec's own assertions; only the one
 * known race is retried: a 首页 reLaunch still rendering overtakes the new route on a slow machine.
 */
export async function openRoute(page: Page, baseUrl: string, route: string): Promise<void> {
  const path = route.split('?')[0];
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.goto(`${baseUrl}/#${route}`);
    const deadline = Date.now() + 10_000;
    let landed = (await showingRoute(page)) === path;
    while (!landed && Date.now() < deadline) {
      await page.waitForTimeout(100);
      landed = (await showingRoute(page)) === path;
    }
    if (landed || path === HOME_ROUTE || (await showingRoute(page)) !== HOME_ROUTE) return;
  }
}

/** Chooses `value` in the OptionPicker with hook `hook` (src/components/option-picker.tsx) on the page showing. */
export async function pickOption(page: Page, hook: string, value: string): Promise<void> {
  await visiblePage(page).locator(`.e2e-${hook}-picker`).click();
  await page.locator(`.e2e-${hook}-option-${value}`).last().click();
}

/** Types into the input or textarea of the form field with hook class `hook` on the page showing. */
export function fillField(page: Page, hook: string, value: string): Promise<void> {
  return visiblePage(page).locator(`.${hook} input, .${hook} textarea`).first().fill(value);
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
