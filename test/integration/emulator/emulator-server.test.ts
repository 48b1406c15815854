import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, sdkFor, startTestEmulator } from '../../helpers/emulator-sdk';
import type { RunningEmulator } from '../../../emulator/server';
import { signedPost } from '../../helpers/signed-request';

let running: RunningEmulator;

beforeAll(async () => {
  running = await startTestEmulator();
});

afterAll(() => running?.close());

const post = (body: string, contentType = 'application/json') =>
  fetch(`${running.url}?env=local-dev&seqId=raw-1`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('signatures', () => {
  it('accepts the real SDK signing with the local secret', async () => {
    const app = sdkFor(running.url);
    const { id } = (await app.database().collection('units').add({ name: '签名正确' })) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{32}$|./);
  });

  it('refuses a wrong secret with the error the SDK surfaces', async () => {
    const app = sdkFor(running.url, { secretId: 'AKIDlocalEmulatorSecretId', secretKey: 'not-the-key' });
    await expect(app.database().collection('units').add({ name: '签名错误' })).rejects.toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    const app2 = sdkFor(running.url);
    const { data } = await app2.database().collection('units').where({ name: '签名错误' }).get();
    expect(data).toEqual([]);
  });

  it('refuses an unsigned request', async () => {
    const res = await post(JSON.stringify({ action: 'database.getDocument', collectionName: 'units', queryType: 'WHERE', query: '{}' }));
    expect((await res.json()) as { code: string }).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
  });
});

describe('malformed input', () => {
  it('answers malformed JSON with INVALID_PARAM and keeps serving', async () => {
    const res = await post('{"action": "database.getDocument", ');
    expect(((await res.json()) as { code: string }).code).toBe('INVALID_PARAM');
    const { data } = await sdkFor(running.url).database().collection('units').limit(1).get();
    expect(Array.isArray(data)).toBe(true);
  });

  it('answers an unknown action with INVALID_ACTION and keeps serving', async () => {
    expect(await signedPost(running.url, { action: 'storage.batchCopyFile', file_list: [] })).toMatchObject({ code: 'INVALID_ACTION' });
    expect(await signedPost(running.url, { action: 'database.dropEverything', collectionName: 'units' })).toMatchObject({ code: 'INVALID_ACTION' });
    const { data } = await sdkFor(running.url).database().collection('units').limit(1).get();
    expect(Array.isArray(data)).toBe(true);
  });

  it('answers invokeFunction without a host attached with FUNCTIONS_NOT_EXIST', async () => {
    await expect(sdkFor(running.url).callFunction({ name: 'not-attached', data: {} })).rejects.toMatchObject({ code: 'FUNCTIONS_NOT_EXIST' });
  });
});

describe('metrics', () => {
  it('counts database actions per invocation tag taken from the seqId', async () => {
    const before = await (await fetch(`${running.url.replace('/admin', '')}/_emulator/metrics?tag=inv_test_1`)).json();
    expect(before).toMatchObject({ databaseActions: 0 });
    process.env.TCB_SEQID = 'inv_test_1';
    process.env.TCB_CONTEXT_KEYS = 'TCB_SEQID';
    try {
      const db = sdkFor(running.url).database();
      await db.collection('units').where({ name: 'x' }).get();
      await db.collection('units').where({ name: 'y' }).count();
    } finally {
      delete process.env.TCB_SEQID;
      delete process.env.TCB_CONTEXT_KEYS;
    }
    const after = (await (await fetch(`${running.url.replace('/admin', '')}/_emulator/metrics?tag=inv_test_1`)).json()) as { databaseActions: number; byAction: Record<string, number> };
    expect(after.databaseActions).toBe(2);
    expect(after.byAction).toEqual({ 'database.getDocument': 1, 'database.calculateDocument': 1 });
  });
});

describe('npm run emulator', () => {
  it('prints exactly one line with the URL, and the URL serves the SDK', async () => {
    const child = spawn('npx', ['tsx', path.join(ROOT, 'emulator/cli.ts')], {
      cwd: ROOT,
      env: { ...process.env, EMULATOR_PORT: '0', EMULATOR_DATA: ':memory:' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so the whole npx → tsx → node chain stops with it.
      detached: true,
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(line).toMatch(/^CLOUDBASE_EMULATOR_URL=http:\/\/127\.0\.0\.1:\d+\/admin\n$/);
      const url = line.trim().split('=')[1];
      const { total } = (await sdkFor(url).database().collection('communities').count()) as { total: number };
      expect(total).toBe(0);
    } finally {
      process.kill(-(child.pid as number), 'SIGTERM');
    }
  }, 30_000);
});
