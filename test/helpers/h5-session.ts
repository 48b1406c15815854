import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openRoute, pickPersona } from './browser';
import { H5_DIR, startTestPlatform, type TestPlatform } from './local-platform';

type PlatformOptions = Omit<NonNullable<Parameters<typeof startTestPlatform>[0]>, 'h5Dir'>;

export interface H5Session {
  /** The local platform serving the H5 build (started before the spec's tests). */
  readonly platform: TestPlatform;
  /** Chromium on a 375 × 812 phone (test/helpers/browser.ts). */
  readonly browser: BrowserContext;
  /** Signs `page` in as the persona `openid` through the persona picker. */
  loginAs(page: Page, openid: string): Promise<void>;
  /** Opens a route (`/pages/…`) of the H5 app and waits until its page shows (openRoute). */
  open(page: Page, route: string): Promise<void>;
}

/**
 * One e2e spec's platform and browser: started in `beforeAll`, closed in `afterAll`. Read `session.platform` and
 * `session.browser` inside tests (they exist once `beforeAll` has run).
 */
export function h5Session(options: PlatformOptions = {}): H5Session {
  let platform: TestPlatform | undefined;
  let browser: BrowserContext | undefined;
  beforeAll(async () => {
    platform = await startTestPlatform({ h5Dir: H5_DIR, ...options });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the e2e ${what} is not started yet: use it inside a test`);
    return value;
  };
  return {
    get platform() {
      return started(platform, 'platform');
    },
    get browser() {
      return started(browser, 'browser');
    },
    loginAs: (page, openid) => pickPersona(page, started(platform, 'platform').url, `e2e-persona-${openid}`),
    open: (page, route) => openRoute(page, started(platform, 'platform').url, route),
  };
}
