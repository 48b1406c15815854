import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
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

async function buildOne(root: string, outDir: string, name: string, config: FunctionConfig | undefined): Promise<void> {
  const entry = path.join(root, 'cloudfunctions', name, 'index.ts');
  const openapi = readDeclaredOpenApis(path.join(root, 'cloudfunctions', name));
  if (!fs.existsSync(entry)) throw new Error(`cloud function ${name} has no entry ${entry}`);
  const target = path.join(outDir, name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: path.join(target, 'index.js'),
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
    plugins: [withoutZodLocaleNamespace],
  });
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
