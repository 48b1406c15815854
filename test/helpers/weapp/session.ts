/**
 * One harness session: WeChat's compilers over a weapp build, then the app as a persona with `wx.cloud.callFunction`
 * served by the in-process local platform. `runPersona` opens every page of app.json that persona can reach.
 */
import path from 'node:path';
import { ROOT, type TestPlatform } from '../local-platform';
import { compileWeapp } from './compile';
import { evaluateTemplates, pagesOf, readAppJson, WeappApp, type WeappProblem } from './runtime';
import { personasFor, SCENARIOS } from './scenarios';
import type { Persona } from '../../../local/seed/personas';
import type { WxOptions } from './wx';

/** The weapp build under test (scripts/test.sh builds dist/weapp before jest). */
export const WEAPP_DIR = path.resolve(ROOT, process.env.WEAPP_DIR ?? path.join('dist', 'weapp'));

export type Templates = ReturnType<typeof evaluateTemplates>;

export function loadTemplates(dir: string): Templates {
  return evaluateTemplates(compileWeapp(dir).templateSource);
}

/**
 * The app as `openid` (null: a WeChat user the platform has never seen), its cloud calls going to `platform`, and its
 * subscription 允许 granted there through the route the local H5 dialog uses (the build must carry the local template
 * ids, which scripts/test.sh builds with).
 */
export function appAs(dir: string, templates: Templates, platform: TestPlatform, openid: string | null, wx: Partial<WxOptions> = {}) {
  const caller = openid ?? `weapp-visitor-${Date.now()}`;
  const grantSubscription = async (tmplIds: string[]) => {
    const res = await fetch(`${platform.url}/dev/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await platform.login(caller)}` },
      body: JSON.stringify({ tmplIds }),
    });
    if (res.status !== 200) throw new Error(`the platform refused the grant: ${res.status} ${await res.text()}`);
  };
  return new WeappApp({ dir, templates, callFunction: async (name, data) => (await platform.call(name, caller, data)).body, grantSubscription, ...wx });
}

export interface PersonaRun {
  pages: string[];
  /** One line per page whose key text was missing. */
  missing: string[];
  problems: WeappProblem[];
}

export async function runPersona(dir: string, templates: Templates, platform: TestPlatform, persona: Persona): Promise<PersonaRun> {
  const routes = pagesOf(readAppJson(dir)).filter((route) => personasFor(route).some((p) => p.openid === persona.openid));
  const app = appAs(dir, templates, platform, persona.openid);
  const missing: string[] = [];
  try {
    await app.launch();
    for (const route of routes) {
      const scenario = SCENARIOS[route] ?? {};
      let page;
      try {
        page = await app.open(route, scenario.query ?? {});
      } catch (error) {
        app.report('error', `${route}: ${(error as Error).stack ?? error}`);
        continue;
      }
      const texts = scenario.texts?.(persona) ?? [];
      let text = page.text();
      // On a loaded machine a page's first request can start after the harness found it idle: wait a little for
      // the texts, as a person (and the e2e specs) would, before calling them missing.
      for (const deadline = Date.now() + 3000; texts.some((t) => !text.includes(t)) && Date.now() < deadline; text = page.text()) await app.settle();
      if (!text) missing.push(`${route}: the page shows no text`);
      for (const expected of texts) {
        if (!text.includes(expected)) missing.push(`${route}: missing「${expected}」in「${text.slice(0, 200)}」`);
      }
      await page.unload();
    }
    return { pages: routes, missing, problems: [...app.problems] };
  } finally {
    app.dispose();
  }
}

/** Problems as one readable line each, for a failing assertion. */
export const formatProblems = (problems: WeappProblem[]) => problems.map((p) => `[${p.kind}] ${p.page ?? '(launch)'}: ${p.message.split('\n').slice(0, 4).join(' ⏎ ')}`);
