import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, readEmulatorEnv } from '../../../emulator/config';
import { checkDevToken, issueDevToken } from '../../../local/dev-token';
import { assertSafeBinding, isLoopbackAddress, isLoopbackHost } from '../../../emulator/safety';
import { createEmulator } from '../../../emulator/server';

const DEFAULT_SECRET = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };
const OWN_SECRET = { secretId: 'AKIDmyOwnLocalId', secretKey: 'my-own-local-secret-key' };

describe('binding', () => {
  it('listens on loopback unless EMULATOR_HOST says otherwise', () => {
    expect(readEmulatorEnv({} as NodeJS.ProcessEnv).EMULATOR_HOST).toBe('127.0.0.1');
  });

  it('tells loopback hosts and addresses from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.0.2.2', 'fd00::2', 'example.com', '']) expect(isLoopbackHost(host)).toBe(false);
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['192.0.2.2', '::ffff:192.0.2.2', '10.0.0.1', 'fe80::1', undefined]) expect(isLoopbackAddress(address)).toBe(false);
  });

  it('refuses a non-loopback address with the documented default secret, naming the variables to set', () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.2']) {
      expect(() => assertSafeBinding(host, DEFAULT_SECRET)).toThrow(/EMULATOR_SECRET_ID and EMULATOR_SECRET_KEY/);
      expect(() => assertSafeBinding(host, { ...OWN_SECRET, secretKey: DEFAULT_SECRET_KEY })).toThrow(/default secret/);
      expect(() => assertSafeBinding(host, OWN_SECRET)).not.toThrow();
    }
    expect(() => assertSafeBinding('127.0.0.1', DEFAULT_SECRET)).not.toThrow();
  });
});

describe('dev tokens', () => {
  const secret = 'k';
  const issuedAt = Date.parse('2026-03-02T09:00:00+08:00');

  it('are valid for 7 days by default, then say they expired', () => {
    const token = issueDevToken('alice-openid', secret, issuedAt);
    expect(checkDevToken(token, secret, issuedAt + 7 * 86_400_000 - 1000)).toMatchObject({ ok: true, session: { openid: 'alice-openid' } });
    expect(checkDevToken(token, secret, issuedAt + 7 * 86_400_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('take another lifetime when told', () => {
    const token = issueDevToken('alice-openid', secret, issuedAt, 60);
    expect(checkDevToken(token, secret, issuedAt + 59_000).ok).toBe(true);
    expect(checkDevToken(token, secret, issuedAt + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are invalid when forged or signed with another secret; a token without expiry counts as expired', () => {
    const token = issueDevToken('alice-openid', secret, issuedAt);
    expect(checkDevToken(token, 'other', issuedAt)).toEqual({ ok: false, reason: 'invalid' });
    const forged = `${Buffer.from(JSON.stringify({ openid: 'admin', iat: 0, exp: 9e9 })).toString('base64url')}.${token.split('.')[1]}`;
    expect(checkDevToken(forged, secret, issuedAt)).toEqual({ ok: false, reason: 'invalid' });
    const legacyPayload = Buffer.from(JSON.stringify({ openid: 'alice-openid', iat: issuedAt / 1000 })).toString('base64url');
    const legacy = `${legacyPayload}.${createHmac('sha256', secret).update(legacyPayload).digest('base64url')}`;
    expect(checkDevToken(legacy, secret, issuedAt)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('inspection endpoints', () => {
  const emulator = createEmulator({ data: ':memory:', envId: 'local-dev', ...DEFAULT_SECRET, collections: [] });
  afterAll(() => emulator.close());

  /** A request as the server sees it, from a socket at `remoteAddress`. */
  async function requestFrom(remoteAddress: string, method: string, url: string) {
    const req = Object.assign(Readable.from([]), { method, url, headers: {}, socket: { remoteAddress } }) as unknown as IncomingMessage;
    let status = 0;
    let body = '';
    const res = {
      headersSent: false,
      writeHead(code: number) {
        status = code;
        return res;
      },
      setHeader() {},
      end(chunk?: string | Buffer) {
        body += chunk ? String(chunk) : '';
      },
    } as unknown as ServerResponse;
    expect(await emulator.handle(req, res)).toBe(true);
    return { status, body: body ? (JSON.parse(body) as Record<string, unknown>) : {} };
  }

  it.each([
    ['GET', '/_emulator/metrics'],
    ['POST', '/_emulator/metrics/reset'],
    ['GET', '/_emulator/outbox'],
  ])('answers %s %s only to loopback clients', async (method, url) => {
    expect(await requestFrom('192.0.2.9', method, url)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await requestFrom('::ffff:10.1.2.3', method, url)).toMatchObject({ status: 403 });
    expect((await requestFrom('127.0.0.1', method, url)).status).toBe(200);
    expect((await requestFrom('::1', method, url)).status).toBe(200);
  });

  it('keeps the health probe open', async () => {
    expect(await requestFrom('192.0.2.9', 'GET', '/_emulator/health')).toMatchObject({ status: 200, body: { ok: true } });
  });
});
