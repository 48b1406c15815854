import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, setCareMode } from '../helpers/a11y';
import { launchBrowser, pickPersona } from '../helpers/browser';
import { H5_DIR, startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { ADMIN, LEAGUE, MEMBER, RESIDENT, STAFF, STAFF_MEMBER, UNIT_ADMIN } from '../fixtures/personas';
import { ROUTES } from '../../src/routes';

/**
 * Every page of app.json (ROUTES, which test/unit/src/routes.test.ts holds equal to it), opened by someone who can
 * reach it, audited in both modes (test/helpers/a11y.ts). A page a later issue adds is covered without touching this
 * file: the subpackage decides the persona, and an id, when the page needs one, comes from the seed data.
 */
const ALL_PAGES = Object.values(ROUTES).map((route) => route.slice(1));

/** The query a page needs to show something (seed ids); a page not listed opens without one. */
const QUERY: Record<string, string> = {
  'pages/notice-detail/index': 'id=n-seed-1',
  'pages/question-detail/index': 'id=q-seed-1',
  'pages/wish-detail/index': 'id=w-seed-1',
  'pages/activity-detail/index': 'id=a-seed-policy',
  'pages/checkin/index': 'scene=c-donghu-hubin',
  'packages/staff/pages/qa-handle/index': 'id=q-seed-1',
  'packages/staff/pages/activity-code/index': 'id=a-seed-policy',
  'packages/projects/pages/org-projects/index': 'orgId=o-b-organ-2',
  'packages/projects/pages/apply/index': 'orgId=o-b-organ-2',
  // The seeded returned project: the form filled in for 周敏 (STAFF_MEMBER, the branch's secretary) to correct.
  'packages/projects/pages/resubmit/index': 'id=pj-seed-returned',
  'packages/projects/pages/project-detail/index': 'id=pj-seed-1',
  'packages/projects/pages/dispatch/index': 'orgId=o-g-city-organ',
  'packages/projects/pages/accept/index': 'id=pj-seed-1',
  'packages/projects/pages/public/index': 'orgId=o-u-city-organ',
  'packages/stars/pages/assess/index': 'branchId=o-b-organ-1',
  'packages/stars/pages/rating/index': 'orgId=o-u-city-organ',
  'packages/stars/pages/publicity/index': 'orgId=o-u-city-organ',
  'packages/stars/pages/statistics/index': 'orgId=o-u-city-organ',
  // A year no seed opens, so the sheet is the editable draft (the frozen one is plain text).
  'packages/stars/pages/sheet/index': 'orgId=o-u-city-organ&year=2099',
  'packages/stars/pages/upgrade/index': 'branchId=o-b-organ-1',
  'packages/stars/pages/upgrades/index': 'orgId=o-u-city-organ',
  'packages/org/pages/pledge-review/index': 'orgId=o-b-organ-1',
  'packages/org/pages/org-page/index': 'orgId=o-b-organ-1',
};

/** Pages the demo seed gives real content (local/seed/*): no error or empty state may stand in for it. */
const SEEDED_CONTENT = [...['assess', 'rating', 'publicity', 'statistics', 'reports', 'work'].map((p) => `packages/stars/pages/${p}/index`), 'packages/projects/pages/resubmit/index'];

function personaFor(route: string): string {
  if (route.startsWith('packages/admin/')) return ADMIN;
  // 党建项目: the branch's secretary (兼党员) runs its project; the level above (here the admin) sees 调度 and 验收.
  if (/projects\/pages\/(dispatch|accept)\//.test(route)) return ADMIN;
  if (route.startsWith('packages/projects/')) return STAFF_MEMBER;
  // 五星创评: the branch's secretary (兼党员) self-assesses; the rating organisation's pages as the admin; 公示 as anyone.
  if (route === 'packages/stars/pages/assess/index' || route === 'packages/stars/pages/upgrade/index') return STAFF_MEMBER;
  if (route === 'packages/stars/pages/publicity/index') return RESIDENT;
  if (route.startsWith('packages/stars/')) return ADMIN;
  // 党组织: the secretary (周敏) reviews; the unit's admin sees the unit's pledges; members see their own and the pages.
  if (/org\/pages\/(pledge-review|my-orgs)\//.test(route)) return STAFF_MEMBER;
  if (route === 'packages/org/pages/unit-pledges/index') return UNIT_ADMIN;
  if (route === 'packages/ledger/pages/unit-members/index') return UNIT_ADMIN;
  if (route === 'packages/ledger/pages/unit-activities/index') return UNIT_ADMIN;
  if (route === 'packages/ledger/pages/my-opinions/index') return MEMBER;
  if (route.startsWith('packages/ledger/')) return STAFF;
  // The unit's 统计表 as its admin; the level above's pages as the district (every community, every unit).
  if (route === 'packages/stats/pages/quarterly/index') return UNIT_ADMIN;
  if (route.startsWith('packages/stats/')) return ADMIN;
  if (/wish-(campaign|match|chase)/.test(route)) return LEAGUE;
  if (route.startsWith('packages/staff/')) return STAFF;
  // The persona picker itself, before anyone signs in.
  if (route === 'pages/login/index') return '';
  // The picker's entry for someone not yet registered (a fresh openid each time).
  if (route === 'pages/member-register/index') return 'new-member';
  if (/^pages\/(qa|question-)/.test(route)) return RESIDENT;
  return MEMBER;
}


let platform: TestPlatform;
let browser: BrowserContext;
let page: Page;
let signedIn: string | undefined;

beforeAll(async () => {
  platform = await startTestPlatform({ h5Dir: H5_DIR });
  browser = await launchBrowser();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** One browser profile holds one session: sign in again only when the persona changes. */
async function signInAs(persona: string): Promise<void> {
  if (persona === signedIn) return;
  if (persona) await pickPersona(page, platform.url, `e2e-persona-${persona}`);
  signedIn = persona;
}

describe.each(['标准', '关怀模式'] as const)('every page passes the 适老化 audit (%s)', (mode) => {
  it.each(ALL_PAGES)('%s', async (route) => {
    const persona = personaFor(route);
    await signInAs(persona);
    const query = QUERY[route];
    await page.goto(`${platform.url}/#/${route}${query ? `?${query}` : ''}`);
    await setCareMode(page, mode === '关怀模式');
    expect(await auditPage(page, `${route} as ${persona || '访客'}`)).toEqual([]);
    if (SEEDED_CONTENT.includes(route)) expect(await page.locator('.e2e-error-state, .e2e-empty-state, .e2e-error-banner').count()).toBe(0);
  }, 60_000);
});
