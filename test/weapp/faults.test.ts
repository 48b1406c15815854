import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { formatProblems, appAs, loadTemplates, WEAPP_DIR } from '../helpers/weapp/session';

/** The harness must fail the run on faults that would white-screen WeChat; each is injected into a copy of the build. */
let platform: TestPlatform;
const copies: string[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(async () => {
  await platform?.close();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

function copyWith(change: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-fault-'));
  copies.push(dir);
  fs.cpSync(WEAPP_DIR, dir, { recursive: true });
  change(dir);
  return dir;
}

const HOME = 'pages/index/index';
const prepend = (file: string, code: string) => fs.writeFileSync(file, `${code}\n${fs.readFileSync(file, 'utf8')}`);

async function problemsOpening(dir: string) {
  const app = appAs(dir, loadTemplates(dir), platform, 'demo-member');
  try {
    await app.launch();
    try {
      const page = await app.open(HOME);
      await page.unload();
    } catch (error) {
      app.report('error', String((error as Error).message));
    }
    return formatProblems(app.problems).join('\n');
  } finally {
    app.dispose();
  }
}

it('the unchanged build opens 首页 without a problem (the baseline the faults below break)', async () => {
  expect(await problemsOpening(copyWith(() => undefined))).toBe('');
}, 30_000);

it('a page module that throws fails the run', async () => {
  const dir = copyWith((d) => prepend(path.join(d, `${HOME}.js`), "throw new Error('injected page fault');"));
  expect(await problemsOpening(dir)).toContain('injected page fault');
}, 30_000);

// Taro picks `tmpl_<depth>_<tag>` at render time, so wcc cannot see a missing one (NutUI's `<i>` was one): only the render can.
it('a missing template fails the run (WXMLRT)', async () => {
  const dir = copyWith((d) => {
    const base = path.join(d, 'base.wxml');
    const wxml = fs.readFileSync(base, 'utf8');
    expect(wxml).toContain('<template name="tmpl_');
    fs.writeFileSync(base, wxml.replaceAll('<template name="tmpl_', '<template name="removed_tmpl_'));
  });
  expect(await problemsOpening(dir)).toMatch(/\[WXMLRT\].*Template `tmpl_\w+` not found/);
}, 30_000);

it('a require of a file outside the package fails with WeChat’s wording', async () => {
  const outside = path.join(os.tmpdir(), 'weapp-outside.js');
  fs.writeFileSync(outside, 'module.exports = 1;');
  const dir = copyWith((d) => prepend(path.join(d, `${HOME}.js`), `require('../../../${path.basename(outside)}');`));
  expect(await problemsOpening(dir)).toContain("module '../weapp-outside.js' is not defined, require args is '../../../weapp-outside.js'");
}, 30_000);

it('wcc rejects a malformed template before anything runs', () => {
  const dir = copyWith((d) => fs.writeFileSync(path.join(d, `${HOME}.wxml`), '<view><text>unclosed</view>'));
  expect(() => loadTemplates(dir)).toThrow(/wcc: .*index\.wxml/);
});
