import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { setCareMode } from '../helpers/a11y';
import { screenshot } from '../helpers/browser';
import { h5Session } from '../helpers/h5-session';

/**
 * The README's gallery: the main screens on a 375 × 812 phone, standard and 关怀模式, each audited like every journey
 * step. `UPDATE_GALLERY=1` writes them into docs/screenshots (committed, linked from README.md); otherwise they go to
 * test-results/gallery and the test checks that every picture the README shows exists and stays small.
 */
const ROOT = path.resolve(__dirname, '../..');
const COMMITTED = path.join(ROOT, 'docs', 'screenshots');
const OUT = process.env.UPDATE_GALLERY === '1' ? COMMITTED : path.join(ROOT, 'test-results', 'gallery');
/** The whole gallery stays light enough to keep in the repository. */
const MAX_TOTAL_BYTES = 1.5 * 1024 * 1024;

/** The main screens, each as the persona who uses it; README.md shows them in this order. */
const GALLERY = [
  { file: 'home', title: '首页', persona: 'demo-resident', route: '/pages/index/index' },
  { file: 'wishes', title: '心愿墙', persona: 'demo-member', route: '/pages/wishes/index' },
  { file: 'wish-detail', title: '心愿详情', persona: 'demo-member', route: '/pages/wish-detail/index?id=w-seed-1' },
  { file: 'qa', title: '网络问政', persona: 'demo-resident', route: '/pages/qa/index' },
  { file: 'me', title: '我的', persona: 'demo-member', route: '/pages/me/index' },
  { file: 'workbench', title: '社区工作台', persona: 'demo-community-staff', route: '/packages/staff/pages/workbench/index' },
] as const;

const session = h5Session();

/** The visible screen at CSS pixels (not the device's 2×): what a phone shows, a few dozen KB each. */
async function shoot(page: Page, file: string) {
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, file), scale: 'css' });
}

describe.each([
  ['standard', false],
  ['care', true],
] as const)('gallery (%s)', (mode, care) => {
  it.each(GALLERY.map((g) => [g.file, g] as const))('%s', async (_file, shot) => {
    const page = await session.browser.newPage();
    try {
      await session.loginAs(page, shot.persona);
      await setCareMode(page, care);
      await session.open(page, shot.route);
      await page.waitForLoadState('networkidle');
      // Audited like a journey step (and kept with the journeys' screenshots).
      await screenshot(page, `gallery-${shot.file}-${mode}`);
      await shoot(page, `${shot.file}-${mode}.png`);
    } finally {
      await page.close();
    }
  }, 60_000);
});

it('the README shows the committed gallery, and it stays small', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const linked = [...readme.matchAll(/docs\/screenshots\/([\w-]+\.png)/g)].map((m) => m[1]);
  const expected = GALLERY.flatMap((g) => [`${g.file}-standard.png`, `${g.file}-care.png`]);
  expect([...new Set(linked)].sort()).toEqual([...expected].sort());
  const files = fs.existsSync(COMMITTED) ? fs.readdirSync(COMMITTED).filter((f) => f.endsWith('.png')) : [];
  expect(files.sort()).toEqual([...expected].sort());
  const total = files.reduce((n, f) => n + fs.statSync(path.join(COMMITTED, f)).size, 0);
  expect(total).toBeLessThan(MAX_TOTAL_BYTES);
});
