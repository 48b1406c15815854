import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS_DIR } from '../../helpers/local-platform';
import { functionBundles } from '../../bench/sizes';

/** The bench reports each deployed bundle's size without its map and its cold load as a ratio to wx-server-sdk's. */
it('measures every function bundle beside wx-server-sdk in the same run', () => {
  const { bundles, sdkColdLoadMs } = functionBundles(FUNCTIONS_DIR, 1);
  const built = fs.readdirSync(FUNCTIONS_DIR).filter((name) => fs.existsSync(path.join(FUNCTIONS_DIR, name, 'index.js')));
  expect(bundles.map((b) => b.name).sort()).toEqual(built.sort());
  expect(sdkColdLoadMs).toBeGreaterThan(0);
  for (const b of bundles) {
    expect(b.bytes).toBe(fs.statSync(path.join(FUNCTIONS_DIR, b.name, 'index.js')).size);
    expect(b.sdkRatio).toBeCloseTo(b.coldLoadMs / sdkColdLoadMs, 1);
  }
}, 120_000);

it('bundles no zod translation besides the one the app configures', () => {
  const bundle = fs.readFileSync(path.join(FUNCTIONS_DIR, 'user', 'index.js'), 'utf8');
  // esbuild writes non-ASCII text as \uXXXX escapes.
  const escaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('');
  // A word of the Russian locale: present when the whole `locales` namespace is bundled.
  expect(bundle).not.toContain(escaped('Неверный'));
  expect(bundle).toContain(escaped('无效输入'));
});
