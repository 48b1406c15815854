import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * npm run release:weapp [-- --no-build] [--version 1.2.3] [--desc "…"]
 *
 * 1. builds the mini-program for production (`taro build --type weapp` → dist/weapp, or TARO_OUTPUT_ROOT);
 * 2. checks it offline with miniprogram-ci — what works without an upload key: the compiled result (getCompiledResult
 *    with the default project attributes) and package sizes, and the code-quality findings (checkCodeQuality /
 *    analyseCode, where the installed version has them);
 * 3. uploads with miniprogram-ci when WEAPP_APPID and WEAPP_UPLOAD_KEY (path of the key downloaded from 开发管理 →
 *    开发设置 → 小程序代码上传) are set; otherwise it says it skipped the upload and why.
 *
 * miniprogram-ci (about 300 MB installed) is not a dependency of the project: it is installed on first use into
 * MINIPROGRAM_CI_CACHE (default .cache/miniprogram-ci, ignored by git), pinned to MINIPROGRAM_CI_VERSION.
 * Exits non-zero when the build fails, a package is over WeChat's limit, or the upload fails.
 */

export const MINIPROGRAM_CI_VERSION = '2.1.42';
/** WeChat's limits: 2 MB for the main package and for each subpackage, 20 MB for all of them. */
export const LIMITS = { packageBytes: 2 * 1024 * 1024, totalBytes: 20 * 1024 * 1024 } as const;

const root = process.cwd();
const log = (line: string) => console.log(`[release:weapp] ${line}`);

interface Args {
  build: boolean;
  version: string;
  desc: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { build: true, version: readPackageVersion(), desc: `release ${new Date().toISOString().slice(0, 10)}` };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') args.build = false;
    else if (argv[i] === '--version') args.version = argv[++i] ?? '';
    else if (argv[i] === '--desc') args.desc = argv[++i] ?? '';
    else throw new Error(`unknown option ${argv[i]} (known: --no-build --version <x.y.z> --desc <text>)`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(args.version)) throw new Error(`--version must be x.y.z, got "${args.version}"`);
  return args;
}

function readPackageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Sizes per package from the built folder: the main package and each subpackage root declared in app.json. */
export function packageSizes(outDir: string): { name: string; bytes: number }[] {
  const app = JSON.parse(fs.readFileSync(path.join(outDir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(outDir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (!entry.name.endsWith('.map')) {
        const owner = roots.find((r) => child === r || child.startsWith(`${r}/`)) ?? 'main';
        sizes.set(owner, (sizes.get(owner) ?? 0) + fs.statSync(path.join(outDir, child)).size);
      }
    }
  };
  walk('');
  return [...sizes.entries()].map(([name, bytes]) => ({ name, bytes }));
}

/** miniprogram-ci from the cache, installed there first if absent. */
function loadMiniprogramCi(): unknown {
  const cache = path.resolve(process.env.MINIPROGRAM_CI_CACHE ?? path.join(root, '.cache', 'miniprogram-ci'));
  const version = process.env.MINIPROGRAM_CI_VERSION ?? MINIPROGRAM_CI_VERSION;
  const entry = path.join(cache, 'node_modules', 'miniprogram-ci');
  const installed = fs.existsSync(path.join(entry, 'package.json')) && (JSON.parse(fs.readFileSync(path.join(entry, 'package.json'), 'utf8')) as { version: string }).version;
  if (installed !== version) {
    log(`installing miniprogram-ci@${version} into ${cache} (once; about 300 MB)`);
    fs.mkdirSync(cache, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--prefix', cache, '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', `miniprogram-ci@${version}`], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm install miniprogram-ci@${version} failed (exit ${result.status})`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- installed into a cache at run time, so not a static import
  return require(entry);
}

interface Ci {
  Project: new (options: Record<string, unknown>) => unknown;
  DefaultProjectAttr?: unknown;
  getCompiledResult?: (options: Record<string, unknown>, savePath: string) => Promise<unknown>;
  checkCodeQuality?: (options: Record<string, unknown>) => Promise<unknown>;
  analyseCode?: (project: unknown, options?: Record<string, unknown>) => Promise<unknown>;
  upload: (options: Record<string, unknown>) => Promise<unknown>;
}

const KB = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const outDir = path.resolve(process.env.TARO_OUTPUT_ROOT ?? path.join(root, 'dist', 'weapp'));
  if (args.build) {
    log(`building the weapp for production into ${outDir}`);
    const taro = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: path.relative(root, outDir) },
    });
    if (taro.status !== 0) {
      log(`FAIL build (exit ${taro.status})`);
      return 1;
    }
  }
  if (!fs.existsSync(path.join(outDir, 'app.json'))) {
    log(`FAIL no build in ${outDir} (app.json missing)`);
    return 1;
  }

  let failed = false;
  const sizes = packageSizes(outDir);
  const total = sizes.reduce((sum, p) => sum + p.bytes, 0);
  for (const p of sizes) {
    const over = p.bytes > LIMITS.packageBytes;
    failed ||= over;
    log(`package ${p.name}: ${KB(p.bytes)}${over ? ` — OVER the ${KB(LIMITS.packageBytes)} limit` : ''}`);
  }
  log(`all packages: ${KB(total)}${total > LIMITS.totalBytes ? ' — OVER the 20 MB limit' : ''}`);
  failed ||= total > LIMITS.totalBytes;

  const ci = loadMiniprogramCi() as Ci;
  const appid = process.env.WEAPP_APPID;
  const keyPath = process.env.WEAPP_UPLOAD_KEY;
  // Offline checks need a Project but no key: a placeholder key file satisfies the constructor, and `attr` replaces
  // the project attributes miniprogram-ci would otherwise fetch with the key.
  const placeholderKey = path.join(os.tmpdir(), 'release-weapp-placeholder.key');
  if (!keyPath) fs.writeFileSync(placeholderKey, 'offline checks only: not an upload key\n');
  const project = new ci.Project({ appid: appid ?? 'touristappid', type: 'miniProgram', projectPath: outDir, privateKeyPath: keyPath ?? placeholderKey, ignores: ['node_modules/**/*', '**/*.map'], ...(keyPath ? {} : { attr: async () => ci.DefaultProjectAttr }) });
  const setting = { es6: false, es7: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true };

  const offline = async (name: string, run: () => Promise<unknown>) => {
    try {
      const result = await run();
      log(`${name}: ${summarise(result)}`);
      return result;
    } catch (error) {
      log(`${name}: not available offline here (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      return undefined;
    }
  };
  if (ci.getCompiledResult) {
    const save = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-compiled-'));
    await offline('compile (getCompiledResult)', () =>
      ci.getCompiledResult!({ project, desc: args.desc, setting, attr: async () => ci.DefaultProjectAttr, onProgressUpdate: () => undefined }, path.join(save, 'compiled.zip')),
    );
  }
  if (ci.checkCodeQuality) await offline('code quality (checkCodeQuality)', () => ci.checkCodeQuality!({ project, attr: async () => ci.DefaultProjectAttr }));
  if (ci.analyseCode) await offline('code analysis (analyseCode)', () => ci.analyseCode!(project));

  if (!appid || !keyPath) {
    log(`upload skipped: ${!appid ? 'WEAPP_APPID is not set' : 'WEAPP_UPLOAD_KEY (path of the code upload key) is not set'}`);
  } else if (failed) {
    log('upload skipped: the checks above failed');
  } else {
    try {
      const result = await ci.upload({ project, version: args.version, desc: args.desc, setting, robot: 1, onProgressUpdate: () => undefined });
      log(`uploaded ${args.version} as 体验版 candidate: ${summarise(result)}`);
    } catch (error) {
      log(`FAIL upload: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  return failed ? 1 : 0;
}

function summarise(result: unknown): string {
  // analyseCode lists every file; its per-package totals are what a release needs to see.
  const files = (result as { files?: { size?: number; subPackage?: string | null }[] } | undefined)?.files;
  if (Array.isArray(files)) {
    const totals = new Map<string, number>();
    for (const f of files) totals.set(f.subPackage ?? 'main', (totals.get(f.subPackage ?? 'main') ?? 0) + (f.size ?? 0));
    return `${files.length} files; ${[...totals.entries()].map(([k, v]) => `${k} ${KB(v)}`).join(', ')}`;
  }
  // getCompiledResult answers the compiled files (name → content): their count and size say it compiled.
  if (result && typeof result === 'object' && Object.values(result).every((v) => typeof v === 'string' || Buffer.isBuffer(v))) {
    const values = Object.values(result as Record<string, string | Buffer>);
    return `compiled ${values.length} files, ${KB(values.reduce((sum, v) => sum + Buffer.byteLength(v), 0))}`;
  }
  const text = JSON.stringify(result, (_key, value: unknown) => (Buffer.isBuffer(value) ? `<${value.length} bytes>` : value));
  return text === undefined ? 'done' : text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

if (require.main === module) {
  main()
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error('[release:weapp] failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
