/**
 * The import direction docs/architecture.md promises, enforced (run by `npm run lint`, part of `npm test`):
 *
 *   src/pages → src/features → src/components, src/lib → src/domain ← cloudfunctions (through cloudfunctions/_shared)
 *   emulator knows nothing of the app; the local host (dev login, H5 upload route, seed) sits beside it.
 *
 * Zones name the importing folder (`target`) and what it may not reach (`from`, minus `except`). Paths are resolved
 * through tsconfig.json, so `@/…` and relative imports are treated alike, type-only imports included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const root = path.dirname(fileURLToPath(import.meta.url));
const foldersOf = (dir) =>
  fs.existsSync(path.join(root, dir))
    ? fs.readdirSync(path.join(root, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : [];

const features = foldersOf('src/features');
const functions = foldersOf('cloudfunctions').filter((name) => name !== '_shared');

const zones = [
  // The domain is pure: it is shared by the functions, the screens and the emulator's seed.
  {
    target: './src/domain',
    from: './src',
    except: ['./domain'],
    message: 'src/domain imports only src/domain (and pure npm packages).',
  },
  {
    target: './src/domain',
    from: ['./cloudfunctions', './emulator', './scripts', './test', './local'],
    message: 'src/domain imports only src/domain (and pure npm packages).',
  },
  // Features compose at the page level, never import each other.
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature does not import another feature: compose them in a page, or move the shared part to src/components, src/lib or src/domain.',
  })),
  {
    target: './src/features',
    from: './src/pages',
    message: 'Pages import features, not the other way around.',
  },
  {
    target: ['./src/components', './src/lib', './src/domain'],
    from: ['./src/features', './src/pages'],
    message: 'Shared code (components, lib, domain) does not import features or pages.',
  },
  // A function is deployed on its own: it carries src/domain and cloudfunctions/_shared, nothing else of the repository.
  {
    target: './cloudfunctions',
    from: './src',
    except: ['./domain'],
    message: 'Cloud functions import only src/domain and cloudfunctions/_shared.',
  },
  {
    target: './cloudfunctions',
    from: ['./emulator', './scripts', './test', './config', './local'],
    message: 'Cloud functions import only src/domain and cloudfunctions/_shared.',
  },
  ...functions.map((fn) => ({
    target: `./cloudfunctions/${fn}`,
    from: './cloudfunctions',
    except: [`./${fn}`, './_shared'],
    message: 'A cloud function does not import another function: share through cloudfunctions/_shared or src/domain.',
  })),
  {
    target: './cloudfunctions/_shared',
    from: './cloudfunctions',
    except: ['./_shared'],
    message: 'cloudfunctions/_shared does not import a function.',
  },
  // The local host serves the app on top of the emulator: it shares the domain's rules, never the screens or the functions' code.
  {
    target: './local',
    from: './src',
    except: ['./domain'],
    message: 'The local host imports only src/domain of the app (functions are loaded by path, as CloudBase loads them).',
  },
  {
    target: './local',
    from: ['./cloudfunctions', './test', './scripts'],
    message: 'The local host imports only src/domain of the app (functions are loaded by path, as CloudBase loads them).',
  },
  // The emulator is CloudBase and WeChat, nothing of this app.
  {
    target: './emulator',
    from: ['./src', './cloudfunctions', './scripts', './test', './local'],
    message: 'The emulator imports nothing of the app: app-specific code (dev login, upload route, seed) belongs to the local host.',
  },
];

const taroEnvMessage = 'Platform branches live in src/lib (one module per capability, *.weapp.ts / *.h5.ts); call that module instead.';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'lib/**',
      'test-results/**',
      '**/*.d.ts',
      // Plain-JavaScript functions exactly as a developer would upload them: the emulator's input, not our code.
      'test/fixtures/plain-functions/**',
      // Deliberate violations, linted on purpose by test/unit/lint/boundaries.test.ts.
      'test/unit/lint/fixtures/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
  },
  {
    files: ['**/*.{js,cjs,mjs,ts,tsx,mts,cts}'],
    plugins: { 'import-x': importX, '@typescript-eslint': tseslint.plugin },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json'), alwaysTryTypes: true })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // A require() is an edge the type checker cannot see; the few deliberate ones (lazy or isolated loads) say why.
      '@typescript-eslint/no-require-imports': 'error',
      'no-new-func': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  // Hooks in the screens: a stale dependency is a screen that shows old data after an action.
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // The domain is shared by a WeChat client, Node functions and the emulator: no platform SDK reaches it.
  {
    files: ['src/domain/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tarojs/*'], message: 'src/domain is platform-free: no Taro.' },
            { group: ['@nutui/*'], message: 'src/domain is platform-free: no UI library.' },
            { group: ['@cloudbase/*', 'wx-server-sdk'], message: 'src/domain is platform-free: no CloudBase SDK.' },
            { group: ['react', 'react-dom', 'react/*'], message: 'src/domain is platform-free: no UI.' },
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'child_process'], message: 'src/domain runs in the mini-program too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  // The emulator stands in for CloudBase; it is the platform, so it may not call the platform's client SDKs either.
  {
    files: ['emulator/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tarojs/*', '@nutui/*', 'react', 'react-dom'], message: 'The emulator knows nothing of the app.' },
          ],
        },
      ],
    },
  },
  // Functions run on Node in CloudBase: nothing of the client reaches them.
  {
    files: ['cloudfunctions/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tarojs/*', '@nutui/*', 'react', 'react-dom'], message: 'Cloud functions run on Node: no client library.' }] },
      ],
    },
  },
  // One place decides the platform: src/lib. Features, pages, components and domain stay target-free.
  {
    files: ['src/**'],
    // app.config.ts is build configuration the Taro CLI evaluates once per target (it never runs in the app), and the
    // page list it returns is where the local-only login page is added; nothing else may branch on the target.
    ignores: ['src/lib/**', 'src/app.config.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name='TARO_ENV']", message: taroEnvMessage },
        { selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.value='TARO_ENV']", message: taroEnvMessage },
        { selector: "VariableDeclarator[init.object.name='process'][init.property.name='env'] > ObjectPattern > Property[key.name='TARO_ENV']", message: taroEnvMessage },
      ],
    },
  },
);
