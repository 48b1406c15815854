import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_ENV_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../emulator/config';
import { startLocalServer } from '../../../local/server';
import { startEmulator } from '../../../emulator/server';
import { buildFixtureFunctions } from '../../helpers/build-fixture-functions';
import { ROOT, startTestPlatform } from '../../helpers/local-platform';

const base = { data: ':memory:', envId: DEFAULT_ENV_ID, collections: [] };

describe('binding', () => {
  it('listens on 127.0.0.1 when no host is given', async () => {
    const running = await startEmulator({ ...base, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY });
    try {
      expect((running.server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await running.close();
    }
  });

  it('refuses 0.0.0.0 with the documented default secret, in the emulator and the local platform', async () => {
    await expect(startEmulator({ ...base, host: '0.0.0.0', secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY })).rejects.toThrow(/EMULATOR_SECRET_ID and EMULATOR_SECRET_KEY/);
    await expect(
      startLocalServer({ ...base, host: '0.0.0.0', secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, root: ROOT, functions: [] }),
    ).rejects.toThrow(/EMULATOR_SECRET_ID and EMULATOR_SECRET_KEY/);
  });

  it('npm run emulator exits with that message instead of listening', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, EMULATOR_HOST: '0.0.0.0', EMULATOR_DATA: ':memory:' };
    delete env.EMULATOR_SECRET_ID;
    delete env.EMULATOR_SECRET_KEY;
    const outcome = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        path.join(ROOT, 'node_modules', '.bin', 'tsx'),
        [path.join(ROOT, 'emulator', 'cli.ts')],
        { cwd: ROOT, env, timeout: 30_000 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).not.toContain('CLOUDBASE_EMULATOR_URL');
    expect(outcome.stderr).toContain('Set EMULATOR_SECRET_ID and EMULATOR_SECRET_KEY');
  }, 40_000);
});

// That /_emulator/* and /dev/* refuse clients that are not on loopback is checked with a fake socket in
// test/unit/emulator/safety.test.ts: tests send traffic only to loopback addresses.

describe('dev token expiry', () => {
  it('refuses an expired token with UNAUTHENTICATED and says so', async () => {
    const platform = await startTestPlatform({
      functionsDir: buildFixtureFunctions(['whoami']),
      functions: [{ name: 'whoami', timeout: 5 }],
      seed: false,
      devTokenTtlSeconds: 2,
    });
    try {
      const token = await platform.login('alice-openid');
      const call = () => fetch(`${platform.url}/fn/whoami`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
      expect((await call()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3100));
      const expired = await call();
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新选择身份' } });
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array([1])], { type: 'image/png' }), 'photo');
      const upload = await fetch(`${platform.url}/storage/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      expect(upload.status).toBe(401);
      expect(((await upload.json()) as { error: { message: string } }).error.message).toBe('登录已过期，请重新选择身份');
    } finally {
      await platform.close();
    }
  }, 30_000);
});
