import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { deployedFunctionConfig, FUNCTION_CONFIG_FILE, readDeclaredOpenApis, readFunctionConfigs, type FunctionConfig } from '../emulator/function-host/function-config';

/**
 * Bundles each cloud function into a self-contained deployable folder: dist/cloudfunctions/<name>/{index.js,package.json,
 * config.json}. config.json carries the open APIs the function declares (cloudfunctions/<name>/config.json) and its timer
 * triggers (cloudbaserc.json), in the form WeChat DevTools uploads. The local host runs exactly these folders, so what
 * is tested is what gets deployed.
 */
export async function buildFunctions(options: { root?: string; outDir?: string; names?: string[] } = {}): Promise<string[]> {
  const root = options.root ?? process.cwd();
  const outDir = options.outDir ?? path.join(root, 'dist', 'cloudfunctions');
  const configs = readFunctionConfigs(path.join(root, 'cloudbaserc.json'));
  const names = options.names ?? configs.map((f) => f.name);
  fs.mkdirSync(outDir, { recursive: true });
  await Promise.all(names.map((name) => buildOne(root, outDir, name, configs.find((f) => f.name === name))));
  return names;
}

/**
 * zod's `z` and `z.core` namespaces carry `locales`, every translation (~250 KB of each bundle): a namespace object
 * cannot be tree-shaken. Nothing reads `z.locales`; the one locale used comes from `zod/locales` by name
 * (src/domain/validation.ts), which still resolves to the real module and keeps only zh-CN (and zod's default en).
 */
const withoutZodLocaleNamespace: Plugin = {
  name: 'without-zod-locale-namespace',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer) ? { path: 'zod-locale-namespace', namespace: 'empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {}', loader: 'js' }));
  },
};

/**
 * Three parts of @cloudbase/node-sdk no function calls, replaced by modules that refuse with a clear error if one ever
 * is: `app.ai()` (node-sdk's dist/ai, which brings @cloudbase/ai, @cloudbase/app, the mini-program adapter and a web
 * streams polyfill); the data-model / MySQL clients of @cloudbase/wx-cloud-client-sdk, which `init` builds inside a
 * try/catch and leaves unset when building fails; and `auth().createTicket` (custom login, the one user of
 * jsonwebtoken: identity here comes from WeChat's context). About 450 KB of each bundle, and of its cold load.
 * test/unit/scripts/build-functions.test.ts checks they are gone and that the rest of the SDK still initialises.
 */
export const UNUSED_SDK_PARTS = ['@cloudbase/ai', '@cloudbase/wx-cloud-client-sdk', '@cloudbase/adapter-wx_mp', 'web-streams-polyfill', 'jsonwebtoken'];
const refusing = (what: string) => `throw new Error(${JSON.stringify(`${what} is not bundled in this function (scripts/build-functions.ts)`)})`;
const withoutUnusedSdkParts: Plugin = {
  name: 'without-unused-sdk-parts',
  setup(b) {
    b.onResolve({ filter: /^\.\/ai$/ }, (args) => (/@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/.test(args.importer) ? { path: 'node-sdk-ai', namespace: 'unused-sdk' } : undefined));
    b.onResolve({ filter: /^@cloudbase\/wx-cloud-client-sdk$/ }, () => ({ path: 'wx-cloud-client-sdk', namespace: 'unused-sdk' }));
    b.onResolve({ filter: /^jsonwebtoken$/ }, (args) => (/@cloudbase[\\/]node-sdk[\\/]dist[\\/]auth[\\/]index\.js$/.test(args.importer) ? { path: 'jsonwebtoken', namespace: 'unused-sdk' } : undefined));
    b.onLoad({ filter: /^jsonwebtoken$/, namespace: 'unused-sdk' }, () => ({ contents: `exports.sign = () => { ${refusing('CloudBase custom login (createTicket)')} };`, loader: 'js' }));
    b.onLoad({ filter: /^node-sdk-ai$/, namespace: 'unused-sdk' }, () => ({ contents: `exports.createAI = () => { ${refusing('CloudBase AI')} };`, loader: 'js' }));
    b.onLoad({ filter: /^wx-cloud-client-sdk$/, namespace: 'unused-sdk' }, () => ({
      contents: `const refuse = () => { ${refusing('The CloudBase data-model client')} };\nmodule.exports = { generateHTTPClient: refuse, generateMySQLClient: refuse };`,
      loader: 'js',
    }));
  },
};

/** How a function is bundled (exported for the test that checks what the bundle leaves out). */
export const bundleOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Optional native accelerators some dependencies probe for; the pure-JS fallbacks are used.
  external: ['bufferutil', 'utf-8-validate', 'encoding'],
  plugins: [withoutZodLocaleNamespace, withoutUnusedSdkParts],
});

async function buildOne(root: string, outDir: string, name: string, config: FunctionConfig | undefined): Promise<void> {
  const entry = path.join(root, 'cloudfunctions', name, 'index.ts');
  const openapi = readDeclaredOpenApis(path.join(root, 'cloudfunctions', name));
  if (!fs.existsSync(entry)) throw new Error(`cloud function ${name} has no entry ${entry}`);
  const target = path.join(outDir, name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  await build(bundleOptions(entry, path.join(target, 'index.js')));
  const pkg = { name: `cloudfunction-${name}`, version: '1.0.0', private: true, main: 'index.js', dependencies: {} };
  fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const deployed = deployedFunctionConfig(openapi, config?.triggers);
  fs.writeFileSync(path.join(target, FUNCTION_CONFIG_FILE), `${JSON.stringify(deployed, null, 2)}\n`);
}

if (require.main === module) {
  const started = Date.now();
  buildFunctions({ outDir: process.env.FUNCTIONS_OUT })
    .then((names) => console.log(`built ${names.length} cloud function(s): ${names.join(', ')} in ${Date.now() - started} ms`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
