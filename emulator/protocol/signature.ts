import { Signer } from '@cloudbase/signature-nodejs';
import { EmulatorError, EmulatorErrorCode } from '../errors';

/**
 * Verifies the TC3-HMAC-SHA256 signature @cloudbase/node-sdk puts on every server call, by recomputing it
 * with the same signer and the local secret. The SDK signs the lower-case method, the URL without scheme,
 * the headers it lists in SignedHeaders (values lower-cased) and the body parameters it lists in SignedParams.
 */
export interface SignedRequest {
  method: string;
  /** Absolute URL as the client addressed it, e.g. http://127.0.0.1:5000/admin?env=…&seqId=… */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** JSON body object, or multipart fields (strings and Buffers). */
  params: Record<string, unknown>;
}

interface ParsedAuthorization {
  secretId: string;
  date: string;
  signedParams: string[];
  signedHeaders: string[];
  signature: string;
}

const AUTH_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=([^,]*),)? SignedHeaders=([^,]*), Signature=([0-9a-f]{64})$/;

/** How far the signing time may be from ours; the SDK itself asks for 600 s (X-Signature-Expires). */
const MAX_SKEW_SECONDS = 15 * 60;

export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  const match = header ? AUTH_PATTERN.exec(header.trim()) : null;
  if (!match) throw signatureError('missing or malformed Authorization header (expected TC3-HMAC-SHA256)');
  return {
    secretId: match[1],
    date: match[2],
    signedParams: match[3] ? match[3].split(';').filter(Boolean) : [],
    signedHeaders: match[4].split(';').filter(Boolean),
    signature: match[5],
  };
}

export function verifySignature(request: SignedRequest, secret: { secretId: string; secretKey: string }, nowSeconds = Math.floor(Date.now() / 1000)): void {
  const auth = parseAuthorization(headerValue(request.headers, 'authorization'));
  if (auth.secretId !== secret.secretId) throw signatureError(`unknown SecretId ${auth.secretId}`);
  const timestamp = Number(headerValue(request.headers, 'x-timestamp'));
  if (!Number.isFinite(timestamp)) throw signatureError('missing X-Timestamp header');
  if (Math.abs(nowSeconds - timestamp) > MAX_SKEW_SECONDS) throw signatureError('signature expired (X-Timestamp too far from server time)');

  const signedHeaders: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) throw signatureError(`signed header ${name} is missing`);
    signedHeaders[name] = value;
  }
  const signer = new Signer({ secretId: secret.secretId, secretKey: secret.secretKey }, 'tcb');
  const options = { withSignedParams: true, includeKeys: auth.signedParams, enableHostCheck: false, enableContentTypeCheck: false };
  // Clients sign the method as they pass it to their HTTP library; node-sdk uses lower case.
  for (const method of [request.method.toLowerCase(), request.method.toUpperCase()]) {
    const expected = signer.tc3sign(method, request.url, signedHeaders, request.params, timestamp, options as never);
    if (expected.signature === auth.signature) return;
  }
  throw signatureError('signature does not match (check EMULATOR_SECRET_ID / EMULATOR_SECRET_KEY)');
}

function headerValue(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

function signatureError(detail: string): EmulatorError {
  return new EmulatorError(EmulatorErrorCode.signatureInvalid, `signature check failed: ${detail}`);
}
