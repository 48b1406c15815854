import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'acorn';
import { WEAPP_DIR } from '../helpers/weapp/session';

/**
 * The weapp package as WeChat recommends: project.config.json has `setting.es6: false`, so WeChat uploads the code
 * as built and the base library runs it as is. Everything shipped must parse as ES2017 (what the declared base
 * library's oldest supported phones run); zod ships ?. ?? and class fields, which babel must lower (config/index.ts).
 */
const TARGET = 2017 as const;

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(abs);
    return entry.name.endsWith('.js') ? [abs] : [];
  });
}

/** The files of `dir` that do not parse at the target, with acorn's message (line:column). */
function syntaxAboveTarget(dir: string): string[] {
  return jsFiles(dir).flatMap((file) => {
    try {
      parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: TARGET, sourceType: 'script' });
      return [];
    } catch (error) {
      return [`${path.relative(dir, file)}: ${(error as Error).message}`];
    }
  });
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

it('the project declares a base library and lets WeChat upload the code untranspiled', () => {
  const project = readJson(path.join(__dirname, '..', '..', 'project.config.json'));
  expect(project.libVersion).toMatch(/^\d+\.\d+\.\d+$/);
  expect(project.setting.es6).toBe(false);
});

it(`every built JS file parses as ES${TARGET}`, () => {
  expect(jsFiles(WEAPP_DIR).length).toBeGreaterThan(10);
  expect(syntaxAboveTarget(WEAPP_DIR)).toEqual([]);
});

it('the scan catches optional chaining, nullish coalescing and class fields', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-syntax-'));
  fs.writeFileSync(path.join(dir, 'ok.js'), 'var a = async function () { return Object.assign({}, { b: 1 }); };');
  fs.writeFileSync(path.join(dir, 'chain.js'), 'var a = {}; a?.b;');
  fs.writeFileSync(path.join(dir, 'nullish.js'), 'var a = null ?? 1;');
  fs.writeFileSync(path.join(dir, 'field.js'), 'class A { x = 1 }');
  expect(syntaxAboveTarget(dir).map((line) => line.split(':')[0]).sort()).toEqual(['chain.js', 'field.js', 'nullish.js']);
  fs.rmSync(dir, { recursive: true, force: true });
});

it('loads components lazily and indexes only public pages', () => {
  const app = readJson(path.join(WEAPP_DIR, 'app.json'));
  expect(app.lazyCodeLoading).toBe('requiredComponents');
  expect(app.sitemapLocation).toBe('sitemap.json');
  const sitemap = readJson(path.join(WEAPP_DIR, app.sitemapLocation));
  const allowed = sitemap.rules.filter((r: { action: string }) => r.action === 'allow').map((r: { page: string }) => r.page);
  expect(allowed.sort()).toEqual(['pages/notice-detail/index', 'pages/notice-list/index', 'pages/question-public/index', 'pages/wishes/index']);
  // WeChat applies the first rule that matches, so the catch-all refusal must come last.
  expect(sitemap.rules.at(-1)).toEqual({ action: 'disallow', page: '*' });
  for (const page of allowed) expect(app.pages).toContain(page);
});
