import { sign } from '@cloudbase/signature-nodejs';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../emulator/config';

/** A request signed like the SDK signs it, for payloads the SDK itself would never send. */
export async function signedPost(serviceUrl: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const url = `${serviceUrl}?env=local-dev&seqId=raw-${Date.now()}`;
  const headers: Record<string, string | number> = { 'content-type': 'application/json', host: new URL(url).host, 'X-Client-Timestamp': Date.now() };
  const timestamp = Math.floor(Date.now() / 1000) - 1;
  const { authorization } = sign({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, method: 'post', url, headers, params, timestamp, withSignedParams: true });
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])), authorization, 'x-timestamp': String(timestamp) },
    body: JSON.stringify(params),
  });
  return (await res.json()) as Record<string, unknown>;
}
