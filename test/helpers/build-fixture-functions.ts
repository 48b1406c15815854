import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

/** Bundles the fixture functions in test/fixtures/functions into a temp functions dir, as the real build does. */
export function buildFixtureFunctions(names: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-functions-'));
  for (const name of names) {
    buildSync({
      entryPoints: [path.join(__dirname, '..', 'fixtures', 'functions', `${name}.ts`)],
      outfile: path.join(dir, name, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      logLevel: 'error',
    });
  }
  return dir;
}
