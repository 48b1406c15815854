import { createHmac, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { readDeployedOpenApis } from '../function-host/function-config';

/**
 * The token that tells the cloud-call gateway which function is calling.
 *
 * Known: on WeChat CloudBase each function instance gets a `WX_API_TOKEN` (and, for timer invocations,
 * `WX_TRIGGER_API_TOKEN_V0`) in its environment, listed in WX_CONTEXT_KEYS; @cloudbase/node-sdk (also the copy inside
 * wx-server-sdk) sends it with every request as the `wxCloudApiToken` parameter (utils/wxCloudToken.ts), and the
 * gateway checks the function's declared open APIs against it. The real token is opaque.
 * Local form (emulator's choice): `wxapi.<base64url(function name)>.<HMAC-SHA256 with the emulator secret key>`, minted
 * by the function host for each function, so a script holding only the SDK cannot pose as a function by accident.
 */
const PREFIX = 'wxapi';

const sign = (payload: string, secretKey: string) => createHmac('sha256', secretKey).update(`${PREFIX}.${payload}`).digest('base64url');

export function mintWxApiToken(functionName: string, secretKey: string): string {
  const payload = Buffer.from(functionName, 'utf8').toString('base64url');
  return `${PREFIX}.${payload}.${sign(payload, secretKey)}`;
}

/** The function a token was minted for, or undefined when there is no token or it is not one the host minted. */
export function functionOfWxApiToken(token: unknown, secretKey: string): string | undefined {
  if (typeof token !== 'string' || !token) return undefined;
  const [prefix, payload, signature, extra] = token.split('.');
  if (prefix !== PREFIX || !payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(payload, secretKey));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const name = Buffer.from(payload, 'base64url').toString('utf8');
  return name || undefined;
}

/**
 * The calling function and the open APIs its deployed folder declares (`<functionsDir>/<name>/config.json`), read on
 * each call so a rebuilt function is seen at once. Undefined when the request is not from a function.
 */
export function cloudCallerOf(token: unknown, secretKey: string, functionsDir: string | undefined): { functionName: string; openApis: readonly string[] } | undefined {
  const functionName = functionOfWxApiToken(token, secretKey);
  if (!functionName) return undefined;
  // A name that could step out of the functions folder declares nothing.
  const safe = /^[A-Za-z0-9_-]+$/.test(functionName);
  return { functionName, openApis: functionsDir && safe ? readDeployedOpenApis(path.join(functionsDir, functionName)) : [] };
}
