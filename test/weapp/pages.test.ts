import { startTestPlatform, type TestPlatform } from '../helpers/local-platform';
import { compileWeapp } from '../helpers/weapp/compile';
import { pagesOf, readAppJson } from '../helpers/weapp/runtime';
import { PERSONAS, personasFor } from '../helpers/weapp/scenarios';
import { appAs, formatProblems, loadTemplates, runPersona, WEAPP_DIR, type Templates } from '../helpers/weapp/session';

/**
 * The weapp build run with WeChat's compilers and component engine: every page of app.json, as every persona who
 * can reach it, must render the texts a person would see with no error, console.error, rejection or WXMLRT warning
 * (a missing template such as NutUI's `<i>` icons without @tarojs/plugin-html fails here on every page).
 */
let platform: TestPlatform;
let templates: Templates;

beforeAll(async () => {
  templates = loadTemplates(WEAPP_DIR);
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

it('wcc and wcsc compile every WXML and WXSS file of the build', () => {
  const compiled = compileWeapp(WEAPP_DIR);
  expect(compiled.wxmlFiles).toEqual(expect.arrayContaining(pagesOf(readAppJson(WEAPP_DIR)).map((p) => `${p}.wxml`)));
  expect(compiled.wxssFiles.length).toBeGreaterThan(0);
});

it('every page of app.json is reachable by at least one persona', () => {
  for (const route of pagesOf(readAppJson(WEAPP_DIR))) expect([route, personasFor(route).length > 0]).toEqual([route, true]);
});

describe.each(PERSONAS.map((p) => [p.label, p] as const))('as %s', (_label, persona) => {
  it('renders every page it can reach with its key texts and no error', async () => {
    const run = await runPersona(WEAPP_DIR, templates, platform, persona);
    expect(run.pages.length).toBeGreaterThan(0);
    expect(formatProblems(run.problems)).toEqual([]);
    expect(run.missing).toEqual([]);
  }, 60_000);
});

describe('taps go through Taro’s event handler', () => {
  it('a tab on 微心愿 switches to 销号公示', async () => {
    const app = appAs(WEAPP_DIR, templates, platform, 'demo-resident');
    try {
      await app.launch();
      const page = await app.open('pages/wishes/index');
      expect(page.findAll('wish-tabs__tab--active').map((n) => page.textOfNode(n))).toEqual(['心愿墙']);
      await page.tap('e2e-tab-publicity');
      expect(page.findAll('wish-tabs__tab--active').map((n) => page.textOfNode(n))).toEqual(['销号公示']);
      expect(formatProblems(app.problems)).toEqual([]);
    } finally {
      app.dispose();
    }
  }, 30_000);

  it('认领 on a wish calls the wish function as the member, and the wx calls are recorded', async () => {
    const app = appAs(WEAPP_DIR, templates, platform, 'demo-member');
    try {
      await app.launch();
      const page = await app.open('pages/wish-detail/index', { id: 'w-seed-3' });
      expect(page.text()).toContain('希望有人陪聊天');
      const before = app.calls.length;
      await page.tap('e2e-action-claim');
      const afterTap = app.calls.slice(before);
      expect(afterTap.map((c) => c.api)).toContain('cloud.callFunction');
      expect(afterTap.filter((c) => c.api === 'cloud.callFunction').map((c) => [c.args.name, c.args.data?.action])).toContainEqual(['wish', 'claim']);
      expect(page.text()).toContain('已认领');
      expect(formatProblems(app.problems)).toEqual([]);
    } finally {
      app.dispose();
    }
  }, 30_000);

  it('更换社区 on 首页 answers the tap', async () => {
    const app = appAs(WEAPP_DIR, templates, platform, 'demo-resident');
    try {
      await app.launch();
      const page = await app.open('pages/index/index');
      const textBefore = page.text();
      const before = app.calls.length;
      await page.tap('e2e-change-community');
      const reacted = app.calls.length > before || page.text() !== textBefore;
      expect(reacted).toBe(true);
      expect(formatProblems(app.problems)).toEqual([]);
    } finally {
      app.dispose();
    }
  }, 30_000);
});
