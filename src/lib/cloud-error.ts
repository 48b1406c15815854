/**
 * The error every function call ends in, and reading the reply envelope (src/domain/envelope.ts).
 * Pure: no Taro here, so screens' logic and tests use it without a platform. cloud.ts re-exports CloudError.
 */
import type { FieldIssue } from '@/domain/errors';

export const NETWORK_ERROR_CODE = 'NETWORK';
export const NETWORK_ERROR_MESSAGE = '网络异常，请稍后重试';

export interface CloudErrorDetails {
  issues?: FieldIssue[];
  [key: string]: unknown;
}

export class CloudError extends Error {
  readonly code: string;
  readonly details?: CloudErrorDetails;

  constructor(code: string, message: string, details?: CloudErrorDetails) {
    super(message);
    // Keeps `instanceof` working when classes are compiled down to ES5.
    Object.setPrototypeOf(this, CloudError.prototype);
    this.name = 'CloudError';
    this.code = code;
    this.details = details;
  }
}

export const networkError = (details?: CloudErrorDetails) => new CloudError(NETWORK_ERROR_CODE, NETWORK_ERROR_MESSAGE, details);

/** Any error as a CloudError, so screens only ever deal with one shape. */
export function toCloudError(error: unknown): CloudError {
  if (error instanceof CloudError) return error;
  return networkError({ cause: error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error) });
}

type ErrorEnvelope = { ok: false; error: { code: string; message: string; details?: CloudErrorDetails } };
type Reply<T> = { ok: true; data: T } | ErrorEnvelope;

export function isEnvelope(value: unknown): value is Reply<unknown> {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'data' in v;
  if (v.ok === false) {
    const e = v.error as Record<string, unknown> | undefined;
    return !!e && typeof e === 'object' && typeof e.code === 'string' && typeof e.message === 'string';
  }
  return false;
}

/** Envelope → data, or the error it carries as a CloudError. A reply that is not an envelope is a network failure. */
export function unwrapEnvelope<T>(reply: unknown, context?: CloudErrorDetails): T {
  if (!isEnvelope(reply)) throw networkError({ ...context, reason: 'not an envelope' });
  if (reply.ok) return reply.data as T;
  const { code, message, details } = reply.error;
  throw new CloudError(code, message, details);
}
