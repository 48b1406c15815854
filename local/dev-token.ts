import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Local-mode session tokens: `base64url(JSON{openid, iat, exp}).hmac`. Only the local host issues or accepts them.
 * They expire (default 7 days) so a token copied off a screen or a shared machine does not stay valid forever.
 */
export interface DevSession {
  openid: string;
  iat: number;
  exp: number;
}

export const DEFAULT_DEV_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

export type DevTokenCheck = { ok: true; session: DevSession } | { ok: false; reason: 'invalid' | 'expired' };

/** What the H5 app shows before it goes back to the persona picker. */
export const DEV_TOKEN_MESSAGES = {
  missing: '请先选择身份登录',
  invalid: '登录凭证无效，请重新选择身份',
  expired: '登录已过期，请重新选择身份',
} as const;

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueDevToken(openid: string, secret: string, nowMs = Date.now(), ttlSeconds = DEFAULT_DEV_TOKEN_TTL_SECONDS): string {
  const iat = Math.floor(nowMs / 1000);
  const payload = Buffer.from(JSON.stringify({ openid, iat, exp: iat + ttlSeconds })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

export function checkDevToken(token: string, secret: string, nowMs = Date.now()): DevTokenCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  let session: Partial<DevSession>;
  try {
    session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<DevSession>;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof session.openid !== 'string' || !session.openid || typeof session.iat !== 'number') return { ok: false, reason: 'invalid' };
  // Tokens issued before expiry existed carry no exp: they count as expired, so everyone signs in again once.
  if (typeof session.exp !== 'number' || Math.floor(nowMs / 1000) >= session.exp) return { ok: false, reason: 'expired' };
  return { ok: true, session: session as DevSession };
}
