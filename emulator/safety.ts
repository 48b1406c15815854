import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from './config';

/**
 * The local platform is safe by default: it listens on loopback, refuses a non-loopback address while the documented
 * default secret (which also signs the dev tokens) is in use, and answers its dev-only routes (/dev/*, /_emulator/*)
 * to loopback clients only.
 */

/** Whether listening on `host` keeps the server on this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  return isLoopbackAddress(bare);
}

/** Whether a socket address (as Node reports it, IPv4-mapped IPv6 included) is loopback. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const bare = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

export function isLoopbackClient(req: IncomingMessage): boolean {
  return isLoopbackAddress(req.socket.remoteAddress);
}

/** Throws before listening when `host` is reachable from other machines and the secret is the published default. */
export function assertSafeBinding(host: string, secret: { secretId: string; secretKey: string }): void {
  if (isLoopbackHost(host)) return;
  if (secret.secretId === DEFAULT_SECRET_ID || secret.secretKey === DEFAULT_SECRET_KEY) {
    throw new Error(
      `Refusing to listen on ${host}: it is reachable from other machines and the emulator still uses the documented default secret, ` +
        'which anyone can use to sign requests and dev tokens. Set EMULATOR_SECRET_ID and EMULATOR_SECRET_KEY to your own values, ' +
        'or leave EMULATOR_HOST unset to listen on 127.0.0.1 only.',
    );
  }
}
