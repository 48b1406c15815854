import { createHmac, timingSafeEqual } from 'node:crypto';

/** Local-mode session tokens: `base64url(JSON{openid, iat}).hmac`. Only the local host issues or accepts them. */
export interface DevSession {
  openid: string;
  iat: number;
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueDevToken(openid: string, secret: string, nowMs = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ openid, iat: Math.floor(nowMs / 1000) })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyDevToken(token: string, secret: string): DevSession | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as DevSession;
    return typeof session.openid === 'string' && session.openid ? session : null;
  } catch {
    return null;
  }
}
