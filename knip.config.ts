/**
 * Unused files, exports and dependencies (run by `npm run lint`, part of `npm test`). Every exception below says why.
 *
 * Entry points are what a runtime loads by name rather than by import:
 * - Taro pages, read from src/app.config.ts (the list WeChat loads), each with its `index.config.ts`;
 * - each cloud function's index.ts (CloudBase calls its `main`);
 * - scripts, the emulator's CLIs and its function worker (started as a process / worker thread);
 * - tests, bench scenarios (loaded by test/bench/run.ts from their folder) and the fixture functions they build.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KnipConfig } from 'knip';

interface AppConfig {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
}

/** src/app.config.ts evaluated as Taro does for H5, the superset of pages (it adds the dev login page). */
function taroPages(): string[] {
  const globals = globalThis as { defineAppConfig?: (config: AppConfig) => AppConfig };
  const saved = process.env.TARO_ENV;
  globals.defineAppConfig = (config) => config;
  process.env.TARO_ENV = 'h5';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- knip loads this file with jiti, which resolves TS synchronously
    const config = (require('./src/app.config.ts') as { default: AppConfig }).default;
    const pages = [...config.pages, ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    return pages.flatMap((page) => [`src/${page}.tsx`, `src/${page}.config.ts`]);
  } finally {
    if (saved === undefined) delete process.env.TARO_ENV;
    else process.env.TARO_ENV = saved;
  }
}

const pages = taroPages();
const missing = pages.filter((file) => file.endsWith('.tsx') && !fs.existsSync(path.join(__dirname, file)));
if (missing.length > 0) throw new Error(`src/app.config.ts lists pages without a file: ${missing.join(', ')}`);

const config: KnipConfig = {
  entry: [
    'src/app.ts',
    'src/app.config.ts',
    ...pages,
    // Taro picks `<name>.weapp.ts` or `<name>.h5.ts` for an import of `<name>` at build time; TypeScript sees `<name>.ts`.
    'src/**/*.{weapp,h5}.{ts,tsx}',
    'cloudfunctions/*/index.ts',
    'config/index.ts',
    'scripts/*.ts',
    'emulator/function-host/function-worker.ts',
    'local/*cli.ts',
    'test/bench/scenarios/*.bench.ts',
    'test/fixtures/functions/*.ts',
    'test/integration/emulator/database/helpers/serve-database.ts',
    // Named by jest.config.js (moduleNameMapper of the component project), not imported.
    'test/component/stand-ins/*',
  ],
  project: ['src/**/*.{ts,tsx}', 'cloudfunctions/**/*.ts', 'emulator/**/*.ts', 'local/**/*.ts', 'scripts/**/*.ts', 'test/**/*.{ts,tsx,js}', 'config/**/*.ts'],
  ignore: [
    // Deliberate violations, read as text by the lint test.
    'test/unit/lint/fixtures/**',
    // Plain-JavaScript functions exactly as a developer uploads them, with their own package.json and node_modules.
    'test/fixtures/plain-functions/**',
  ],
  // An export its own file also uses is not dead code; what matters is an export nobody uses at all.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Named as strings in config/index.ts (plugins, framework) and loaded by @tarojs/cli, or injected into the
    // bundles by Taro's loaders: no import of ours reaches them.
    '@tarojs/plugin-framework-react',
    '@tarojs/plugin-platform-h5',
    '@tarojs/plugin-platform-weapp',
    '@tarojs/plugin-html',
    '@tarojs/react',
    '@tarojs/runtime',
    '@tarojs/taro-loader',
    '@tarojs/webpack5-runner',
    // Peer dependencies of @tarojs/webpack5-runner (H5 dev server, tsconfig paths): pinned here so builds are reproducible.
    '@pmmmwh/react-refresh-webpack-plugin',
    'tsconfig-paths-webpack-plugin',
    // Transitive dependencies a test reaches on purpose: the SDK's legacy transaction module (its bug is the test's
    // subject) and the multipart encoder wx-server-sdk itself uses.
    '@cloudbase/database',
    'form-data',
  ],
  jest: { config: ['jest.config.js'] },
};

export default config;
