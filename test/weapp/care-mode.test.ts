import fs from 'node:fs';
import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { appAs, formatProblems, loadTemplates, WEAPP_DIR, type Templates } from '../helpers/weapp/session';

/**
 * 关怀模式 on weapp: a mini-program has no <html>, so each page's root carries `care-mode` (src/components/page-root.tsx)
 * and the type scale of src/app.scss, compiled by wcsc, is larger beneath it. The harness has no layout engine, so
 * "larger text" is the compiled variables under the class the page's root carries.
 */
let platform: TestPlatform;
let templates: Templates;

beforeAll(async () => {
  templates = loadTemplates(WEAPP_DIR);
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

/** The custom properties each rule of the compiled app style sets, by selector. */
function compiledVariables(): { selector: string; vars: Record<string, number> }[] {
  const css = fs.readdirSync(WEAPP_DIR).filter((f) => /^app.*\.wxss$/.test(f)).map((f) => fs.readFileSync(path.join(WEAPP_DIR, f), 'utf8')).join('\n');
  const rules: { selector: string; vars: Record<string, number> }[] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const vars: Record<string, number> = {};
    for (const d of m[2].matchAll(/(--app-[a-z-]+):\s*([\d.]+)rpx/g)) vars[d[1]] = Number(d[2]);
    if (Object.keys(vars).length) rules.push({ selector: m[1].trim(), vars });
  }
  return rules;
}

const rootClasses = (node: { class?: string }) => String(node.class ?? '').split(/\s+/);

it('the compiled style makes text and buttons larger under .care-mode', () => {
  const rules = compiledVariables();
  const standard = rules.find((r) => r.selector.split(',').map((s) => s.trim()).includes('page'));
  const care = rules.find((r) => r.selector === '.care-mode');
  expect(standard && care).toBeTruthy();
  // rpx on the 750 design: half is CSS px on a 375 px screen.
  expect(care!.vars['--app-font-body'] / 2).toBeGreaterThanOrEqual(18);
  expect(care!.vars['--app-button'] / 2).toBeGreaterThanOrEqual(48);
  expect(care!.vars['--app-font-body']).toBeGreaterThan(standard!.vars['--app-font-body']);
  expect(care!.vars['--app-font-secondary']).toBeGreaterThan(standard!.vars['--app-font-secondary']);
});

describe.each([
  ['the remembered switch is on', { storage: { careMode: true } }, true],
  ['WeChat’s own text size is larger and nothing was chosen', { fontSizeSetting: 20 }, true],
  ['WeChat’s text size is larger but the person turned it off', { fontSizeSetting: 20, storage: { careMode: false } }, false],
  ['nothing is set', {}, false],
] as const)('when %s', (_what, wx, on) => {
  it(`首页's root ${on ? 'carries' : 'does not carry'} care-mode`, async () => {
    const app = appAs(WEAPP_DIR, templates, platform, 'demo-resident', wx);
    try {
      await app.launch();
      const page = await app.open('pages/index/index');
      const [root] = page.findAll('page-home');
      expect(root).toBeDefined();
      expect(rootClasses(root).includes('care-mode')).toBe(on);
      expect(formatProblems(app.problems)).toEqual([]);
    } finally {
      app.dispose();
    }
  }, 30_000);
});

it('turning the switch on in 我的 enlarges that page at once', async () => {
  const app = appAs(WEAPP_DIR, templates, platform, 'demo-resident');
  try {
    await app.launch();
    const page = await app.open('pages/me/index');
    const root = () => page.findAll('page-me')[0];
    expect(rootClasses(root()).includes('care-mode')).toBe(false);
    await page.tap('e2e-care-mode-switch');
    expect(rootClasses(root()).includes('care-mode')).toBe(true);
    expect(app.calls.filter((c) => c.api === 'setStorageSync').map((c) => c.args)).toContainEqual(['careMode', true]);
    expect(formatProblems(app.problems)).toEqual([]);
  } finally {
    app.dispose();
  }
}, 30_000);
