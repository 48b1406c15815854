/**
 * One harness session: WeChat's compilers over a weapp build, then the app as a persona with `wx.cloud.callFunction`
 * served by the in-process local platform. `runPersona` opens every page of app.json that persona can reach.
 */
import path from 'node:path';
import { ROOT, type TestPlatform } from '../local-platform';
import { compileWeapp } from './compile';
import { evaluateTemplates, pagesOf, readAppJson, WeappApp, type WeappProblem } from './runtime';
import { personasFor, SCENARIOS } from './scenarios';
import type { Persona } from '../../../emulator/seed/personas';
import type { WxOptions } from './wx';

/** The weapp build under test (scripts/test.sh builds dist/weapp before jest). */
export const WEAPP_DIR = path.resolve(ROOT, process.env.WEAPP_DIR ?? path.join('dist', 'weapp'));

export type Templates = ReturnType<typeof evaluateTemplates>;

export function loadTemplates(dir: string): Templates {
  return evaluateTemplates(compileWeapp(dir).templateSource);
}

/** The app as `openid` (null: a WeChat user the platform has never seen), its cloud calls going to `platform`. */
export function appAs(dir: string, templates: Templates, platform: TestPlatform, openid: string | null, wx: Partial<WxOptions> = {}) {
  const caller = openid ?? `weapp-visitor-${Date.now()}`;
  return new WeappApp({ dir, templates, callFunction: async (name, data) => (await platform.call(name, caller, data)).body, ...wx });
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
      const text = page.text();
      if (!text) missing.push(`${route}: the page shows no text`);
      for (const expected of scenario.texts?.(persona) ?? []) {
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
