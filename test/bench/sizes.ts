import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkWeapp } from '../../scripts/check-weapp';

/** Sizes the product ships: weapp packages, function bundles (and their cold load), the H5 first load. */

export interface BundleSize {
  name: string;
  bytes: number;
  /** Median of a few `require()` timings, each in a fresh Node process. */
  coldLoadMs: number;
}

export function weappPackages(distDir: string) {
  return checkWeapp(distDir).packages.map((p) => ({ name: p.name, root: p.root, bytes: p.bytes, limit: p.limit }));
}

export function functionBundles(functionsDir: string, runs = 3): BundleSize[] {
  return fs
    .readdirSync(functionsDir)
    .filter((name) => fs.existsSync(path.join(functionsDir, name, 'index.js')))
    .map((name) => {
      const file = path.join(functionsDir, name, 'index.js');
      const timings = Array.from({ length: runs }, () => {
        const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
        return Number(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TENCENTCLOUD: 'true' } }).toString());
      }).sort((a, b) => a - b);
      return { name, bytes: fs.statSync(file).size, coldLoadMs: Math.round(timings[Math.floor(runs / 2)] * 10) / 10 };
    });
}

/** JavaScript the browser loads before the first page renders: the scripts index.html references, gzipped. */
export function h5FirstLoad(h5Dir: string): { files: number; bytes: number; gzipBytes: number } {
  const html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1].replace(/^\//, ''));
  let bytes = 0;
  let gzipBytes = 0;
  for (const src of scripts) {
    const body = fs.readFileSync(path.join(h5Dir, src));
    bytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: scripts.length, bytes, gzipBytes };
}
