import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, UNUSED_SDK_PARTS } from '../../../scripts/build-functions';

/**
 * What the function bundles leave out of @cloudbase/node-sdk (scripts/build-functions.ts): a probe bundled exactly as
 * a function is, then loaded. The SDK must still initialise and reach the database; the parts left out must be absent
 * from the bundle and refuse plainly if called.
 */
const root = path.resolve(__dirname, '../../..');
let dir: string;
let probe: { app: { database(): { collection(name: string): unknown }; ai(): unknown; auth(): { createTicket(uid: string): unknown }; models?: unknown } };
let inputs: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-probe-'));
  const contents = "import tcb from '@cloudbase/node-sdk';\nexport const app = tcb.init({ env: 'probe-env', secretId: 'id', secretKey: 'key', credentials: { env_id: 'probe-env', private_key_id: 'k1', private_key: 'not-a-key' } });\n";
  const { entryPoints: _entry, ...options } = bundleOptions('', path.join(dir, 'index.js'));
  const result = await build({ ...options, stdin: { contents, resolveDir: root, loader: 'ts' }, metafile: true, logLevel: 'silent' });
  inputs = Object.keys(result.metafile.inputs);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is loaded as the function host loads it
  probe = require(path.join(dir, 'index.js'));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the function bundle of @cloudbase/node-sdk', () => {
  it.each(UNUSED_SDK_PARTS)('leaves out %s', (part) => {
    expect(inputs.filter((i) => i.includes(`node_modules/${part}/`))).toEqual([]);
  });

  it('keeps what the functions use: the database, storage and callFunction paths', () => {
    expect(inputs.some((i) => i.includes('node_modules/@cloudbase/database/'))).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/xml2js/'))).toBe(true);
    expect(typeof probe.app.database().collection('wishes')).toBe('object');
  });

  it('refuses the parts left out with a clear error, and init still succeeds without the data-model client', () => {
    expect(() => probe.app.ai()).toThrow('CloudBase AI is not bundled in this function');
    expect(() => probe.app.auth().createTicket('someone')).toThrow('CloudBase custom login (createTicket) is not bundled in this function');
    expect(probe.app.models).toBeUndefined();
  });
});
