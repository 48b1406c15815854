/**
 * Checks a weapp build (dist/weapp) the way WeChat's upload would, plus our own budget:
 * - every page and subpackage page in app.json exists (.js, .wxml, .json);
 * - requiredPrivateInfos lists getLocation; permission['scope.userLocation'].desc is present;
 * - main package (everything outside the subpackage roots) ≤ 1 MB (our budget; WeChat's limit is 2 MB);
 * - each subpackage < 2 MB.
 * Usage: `npx tsx scripts/check-weapp.ts [distDir]` after `npx taro build --type weapp`. Exit 1 on any failure.
 * `checkWeapp(dir)` is exported for tests.
 */
import fs from 'node:fs';
import path from 'node:path';

export const MAIN_PACKAGE_BUDGET = 1024 * 1024;
export const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;
const PAGE_FILES = ['.js', '.wxml', '.json'] as const;

export interface PackageSize {
  name: string;
  root: string;
  bytes: number;
  limit: number;
}

export interface WeappCheckResult {
  ok: boolean;
  errors: string[];
  packages: PackageSize[];
  totalBytes: number;
}

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages?: string[] }[];
  subpackages?: { root: string; pages?: string[] }[];
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc?: string }>;
}

function sizeOf(target: string, skip: (abs: string) => boolean = () => false): number {
  if (!fs.existsSync(target) || skip(target)) return 0;
  const stat = fs.statSync(target);
  if (stat.isFile()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name), skip), 0);
}

const trimSlashes = (p: string) => p.replace(/^\/+|\/+$/g, '');

export function checkWeapp(distDir: string): WeappCheckResult {
  const errors: string[] = [];
  const appJsonPath = path.join(distDir, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    return { ok: false, errors: [`${appJsonPath} 不存在：请先运行 npx taro build --type weapp`], packages: [], totalBytes: 0 };
  }
  let app: AppJson;
  try {
    app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as AppJson;
  } catch (error) {
    return { ok: false, errors: [`app.json 不是合法 JSON：${(error as Error).message}`], packages: [], totalBytes: 0 };
  }

  const subPackages = app.subPackages ?? app.subpackages ?? [];
  const pagePaths = [...(app.pages ?? []), ...subPackages.flatMap((sp) => (sp.pages ?? []).map((p) => `${trimSlashes(sp.root)}/${p}`))];
  if (!app.pages?.length) errors.push('app.json 没有列出任何页面');
  for (const page of pagePaths) {
    for (const ext of PAGE_FILES) {
      if (!fs.existsSync(path.join(distDir, `${page}${ext}`))) errors.push(`页面文件缺失：${page}${ext}`);
    }
  }

  if (!app.requiredPrivateInfos?.includes('getLocation')) errors.push('requiredPrivateInfos 未声明 getLocation');
  if (!app.permission?.['scope.userLocation']?.desc?.trim()) errors.push("permission['scope.userLocation'].desc 缺失");

  const subRoots = subPackages.map((sp) => path.resolve(distDir, trimSlashes(sp.root)));
  const packages: PackageSize[] = [
    { name: '主包', root: '/', bytes: sizeOf(path.resolve(distDir), (abs) => subRoots.includes(path.resolve(abs))), limit: MAIN_PACKAGE_BUDGET },
    ...subPackages.map((sp, i) => ({ name: `分包 ${trimSlashes(sp.root)}`, root: trimSlashes(sp.root), bytes: sizeOf(subRoots[i]), limit: SUBPACKAGE_LIMIT })),
  ];
  for (const pkg of packages) {
    if (pkg.bytes > pkg.limit || (pkg.root !== '/' && pkg.bytes >= pkg.limit)) {
      errors.push(`${pkg.name} ${kb(pkg.bytes)} 超出上限 ${kb(pkg.limit)}`);
    }
  }
  return { ok: errors.length === 0, errors, packages, totalBytes: packages.reduce((s, p) => s + p.bytes, 0) };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatReport(result: WeappCheckResult): string {
  const rows = result.packages.map((p) => [p.name, kb(p.bytes), kb(p.limit), p.bytes <= p.limit ? 'ok' : '超出']);
  rows.push(['合计', kb(result.totalBytes), '', '']);
  const header = ['包', '大小', '上限', '结果'];
  // CJK characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))) + 2);
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join('| ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('+-'), ...rows.map(line)];
  out.push('');
  out.push(result.ok ? '✓ weapp 构建检查通过' : `✗ weapp 构建检查失败：\n  - ${result.errors.join('\n  - ')}`);
  return out.join('\n');
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'weapp'));
  const result = checkWeapp(dir);
  console.log(formatReport(result));
  process.exit(result.ok ? 0 : 1);
}
