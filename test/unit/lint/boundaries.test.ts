import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The boundaries of eslint.config.mjs catch what they promise: each deliberate violation below is linted with the real
 * config (ESLint's Node API, in a child process because ESLint loads its config with a native `import()` that jest's
 * module sandbox refuses) and must be reported by its rule; the allowed imports next to them must pass clean.
 * The snippets are linted as if they lived at `filePath`; the files they import are real ones, picked from the tree.
 */
const ROOT = path.resolve(__dirname, '../../..');

interface Case {
  name: string;
  filePath: string;
  code: string;
}

interface Finding {
  ruleId: string | null;
  message: string;
}

/** A module (without extension) in `dir` other than the excluded folder, so the probes follow the tree as it changes. */
function moduleIn(dir: string): string {
  const found = fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !/\.(weapp|h5)\.tsx?$/.test(f))
    .sort()[0];
  if (!found) throw new Error(`no module in ${dir}`);
  return `${dir}/${found.replace(/\.tsx?$/, '')}`;
}

function featureFolders(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'src/features'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const LINT_SCRIPT = `
import { ESLint } from 'eslint';
const cases = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.on('data', (c) => (s += c)); process.stdin.on('end', () => resolve(s)); }));
// ignore: false, so the fixtures folder (ignored by the project's lint) can be linted here on purpose.
const eslint = new ESLint({ cwd: process.cwd(), ignore: false });
const out = {};
for (const c of cases) {
  const [result] = c.code === null ? await eslint.lintFiles([c.filePath]) : await eslint.lintText(c.code, { filePath: c.filePath });
  out[c.name] = result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}
process.stdout.write(JSON.stringify(out));
`;

function lint(cases: (Omit<Case, 'code'> & { code: string | null })[]): Record<string, Finding[]> {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(cases.map((c) => ({ ...c, filePath: path.join(ROOT, c.filePath) }))),
    encoding: 'utf8',
    timeout: 90_000,
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, Finding[]>;
}

const rulesOf = (findings: Finding[]) => findings.map((f) => f.ruleId);

describe('eslint.config.mjs enforces the import boundaries', () => {
  const [featureA, featureB] = featureFolders();
  const domainModule = moduleIn('src/domain');
  const featureBModule = moduleIn(`src/features/${featureB}`);
  const libModule = moduleIn('src/lib');
  const sharedModule = moduleIn('cloudfunctions/_shared');
  const localModule = moduleIn('local');
  let results: Record<string, Finding[]>;

  beforeAll(() => {
    results = lint([
      // Violations.
      { name: 'feature imports feature', filePath: `src/features/${featureA}/probe.tsx`, code: `import * as other from '@/${featureBModule.slice('src/'.length)}';\nexport const probe = other;\n` },
      { name: 'domain imports Taro', filePath: 'src/domain/probe.ts', code: `import Taro from '@tarojs/taro';\nexport const probe = Taro;\n` },
      { name: 'domain imports CloudBase', filePath: 'src/domain/probe.ts', code: `import cloud from 'wx-server-sdk';\nexport const probe = cloud;\n` },
      { name: 'domain imports a feature', filePath: 'src/domain/probe.ts', code: `import * as f from '../${featureBModule.slice('src/'.length)}';\nexport const probe = f;\n` },
      { name: 'lib imports a feature', filePath: 'src/lib/probe.ts', code: `import * as f from '@/${featureBModule.slice('src/'.length)}';\nexport const probe = f;\n` },
      { name: 'function imports src/lib', filePath: 'cloudfunctions/wish/probe.ts', code: `import * as lib from '../../${libModule}';\nexport const probe = lib;\n` },
      { name: 'emulator imports src/domain', filePath: 'emulator/probe.ts', code: `import * as d from '../${domainModule}';\nexport const probe = d;\n` },
      { name: 'emulator imports the local host', filePath: 'emulator/probe.ts', code: `import * as l from '../${localModule}';\nexport const probe = l;\n` },
      { name: 'local host imports src/lib', filePath: 'local/probe.ts', code: `import * as lib from '../${libModule}';\nexport const probe = lib;\n` },
      { name: 'TARO_ENV in a feature', filePath: `src/features/${featureA}/probe.ts`, code: `export const probe = process.env.TARO_ENV === 'h5';\n` },
      { name: 'unused variable', filePath: 'test/probe.ts', code: `const unused = 1;\nexport const probe = 2;\n` },
      { name: 'import cycle', filePath: 'test/unit/lint/fixtures/cycle-a.ts', code: null },
      // Allowed.
      { name: 'page imports a feature', filePath: 'src/pages/probe/index.tsx', code: `import * as f from '@/${featureBModule.slice('src/'.length)}';\nexport const probe = f;\n` },
      { name: 'function imports domain and _shared', filePath: 'cloudfunctions/wish/probe.ts', code: `import * as d from '../../${domainModule}';\nimport * as s from '../../${sharedModule}';\nexport const probe = [d, s];\n` },
      { name: 'local host imports the domain and the emulator', filePath: 'local/probe.ts', code: `import * as d from '../${domainModule}';\nimport * as e from '../emulator/server';\nexport const probe = [d, e];\n` },
      { name: 'TARO_ENV in src/lib', filePath: 'src/lib/probe.ts', code: `export const probe = process.env.TARO_ENV === 'h5';\n` },
    ]);
  }, 120_000);

  it.each([
    ['feature imports feature', 'import-x/no-restricted-paths'],
    ['domain imports Taro', '@typescript-eslint/no-restricted-imports'],
    ['domain imports CloudBase', '@typescript-eslint/no-restricted-imports'],
    ['domain imports a feature', 'import-x/no-restricted-paths'],
    ['lib imports a feature', 'import-x/no-restricted-paths'],
    ['function imports src/lib', 'import-x/no-restricted-paths'],
    ['emulator imports src/domain', 'import-x/no-restricted-paths'],
    ['emulator imports the local host', 'import-x/no-restricted-paths'],
    ['local host imports src/lib', 'import-x/no-restricted-paths'],
    ['TARO_ENV in a feature', 'no-restricted-syntax'],
    ['unused variable', '@typescript-eslint/no-unused-vars'],
    ['import cycle', 'import-x/no-cycle'],
  ])('%s → %s', (name, rule) => {
    expect(rulesOf(results[name])).toContain(rule);
  });

  it.each(['page imports a feature', 'function imports domain and _shared', 'local host imports the domain and the emulator', 'TARO_ENV in src/lib'])('%s passes', (name) => {
    expect(results[name]).toEqual([]);
  });
});
