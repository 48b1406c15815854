import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_ENV_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../emulator/config';
import { startLocalServer } from '../../../local/server';
import { startEmulator } from '../../../emulator/server';
import { buildFixtureFunctions } from '../../helpers/build-fixture-functions';
import { ROOT, startTestPlatform } from '../../helpers/local-platform';

const OWN_SECRET = { secretId: 'AKIDmyOwnLocalId', secretKey: 'my-own-local-secret-key' };
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

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

// Needs a second, non-loopback address on this machine to send from; the unit test covers the check with a fake socket.
(lanAddress ? describe : describe.skip)(`dev-only routes from another machine (via ${lanAddress ?? 'no LAN address'})`, () => {
  it('answers /_emulator/* inspection and /dev/* only to loopback clients', async () => {
    const server = await startLocalServer({ ...base, ...OWN_SECRET, host: '0.0.0.0', root: ROOT, functions: [] });
    try {
      const remote = `http://${lanAddress}:${server.port}`;
      const local = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${remote}/_emulator/metrics`)).status).toBe(403);
      expect((await fetch(`${remote}/_emulator/outbox`)).status).toBe(403);
      expect((await fetch(`${remote}/_emulator/metrics/reset`, { method: 'POST' })).status).toBe(403);
      const login = await fetch(`${remote}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"alice-openid"}' });
      expect(login.status).toBe(403);
      expect(((await login.json()) as { message: string }).message).toBe('本地登录只接受本机访问');
      expect((await fetch(`${remote}/dev/personas`)).status).toBe(403);
      expect((await fetch(`${local}/_emulator/metrics`)).status).toBe(200);
      expect((await fetch(`${local}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"alice-openid"}' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

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
