import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkWeapp } from '../../scripts/check-weapp';

/** Sizes the product ships: weapp packages, function bundles (and their cold load), the H5 first load. */

export interface BundleSize {
  name: string;
  /** index.js alone, as deployed (the source map is not uploaded). */
  bytes: number;
  /** Median of a few `require()` timings, each in a fresh Node process. */
  coldLoadMs: number;
  /** coldLoadMs over the cold `require('wx-server-sdk')` measured in the same run: what a platform function pays anyway. */
  sdkRatio: number;
}

export function weappPackages(distDir: string) {
  return checkWeapp(distDir).packages.map((p) => ({ name: p.name, root: p.root, bytes: p.bytes, limit: p.limit }));
}

function coldRequireMs(file: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TENCENTCLOUD: 'true' } }).toString());
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Each bundle's size and cold load beside WeChat's own server SDK (`wx-server-sdk`, what a function written the
 * platform's way loads first), timed alternately in one run so that the machine's load affects both alike.
 */
export function functionBundles(functionsDir: string, runs = 5): { bundles: BundleSize[]; sdkColdLoadMs: number } {
  const sdk = require.resolve('wx-server-sdk');
  const names = fs.readdirSync(functionsDir).filter((name) => fs.existsSync(path.join(functionsDir, name, 'index.js')));
  const sdkTimings: number[] = [];
  const timings = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const name of names) {
      sdkTimings.push(coldRequireMs(sdk));
      timings.get(name)!.push(coldRequireMs(path.join(functionsDir, name, 'index.js')));
    }
  }
  const sdkColdLoadMs = median(sdkTimings);
  const bundles = names.map((name) => {
    const coldLoadMs = median(timings.get(name)!);
    return { name, bytes: fs.statSync(path.join(functionsDir, name, 'index.js')).size, coldLoadMs: round1(coldLoadMs), sdkRatio: Math.round((coldLoadMs / sdkColdLoadMs) * 100) / 100 };
  });
  return { bundles, sdkColdLoadMs: round1(sdkColdLoadMs) };
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
