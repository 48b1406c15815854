import { AppError, ErrorCode } from '../../src/domain/errors';
import { fail, ok, type Envelope } from '../../src/domain/envelope';

/** The one place that turns what a handler did into the reply envelope. */
export function toEnvelope<T>(outcome: { value: T } | { error: unknown }, requestId: string): Envelope<T> {
  if ('value' in outcome) return ok(outcome.value);
  const { error } = outcome;
  if (error instanceof AppError) return fail(error.toBody());
  // Unexpected: log with the request id for the operator, answer without internals.
  console.error(`[function] request ${requestId} failed unexpectedly`, error);
  return fail({ code: ErrorCode.INTERNAL, message: `系统繁忙，请稍后重试（请求编号 ${requestId}）` });
}
