import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The server secret that signs what a client must not be able to make up (cloudbaserc.json → envVariables
 * SIGNING_SECRET): the opaque upload folder of each person, the rotating check-in code. Missing, it fails loudly.
 */
function signingSecret(): string {
  const secret = process.env.SIGNING_SECRET;
  if (!secret || secret.length < 16) throw new Error('SIGNING_SECRET is not set (at least 16 characters; cloudbaserc.json envVariables)');
  return secret;
}

/** HMAC-SHA256 of `message` for one `purpose` (so a signature for one use is never valid for another), base64url. */
export const sign = (purpose: string, message: string): string => createHmac('sha256', signingSecret()).update(`${purpose}\n${message}`).digest('base64url');

/**
 * A person's upload folder name: derived from their openid with the secret, so it is stable, names no one, and
 * cannot be computed for someone else. Same derivation as local/upload-key.ts (the local upload route).
 */
export const uploadKeyOf = (openid: string): string => `u${sign('upload-folder', openid).replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;

/** Whether `signature` is `sign(purpose, message)`, compared in constant time (a forged code learns nothing from timing). */
export function verifySignature(purpose: string, message: string, signature: string): boolean {
  const expected = Buffer.from(sign(purpose, message));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
