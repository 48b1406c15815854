import { stateOfSuggest } from '../../../src/domain/media-check';
import type { TimerContext } from '../../_shared/define-function';
import { settleCheck } from '../../_shared/repositories/media-check.repository';

/**
 * WeChat's `wxa_media_check` push: the verdict of a security.mediaCheckAsync call, matched to the photo by its
 * trace_id (WeChat does not echo the URL). Routed here by the 消息推送 setting (cloudbaserc.json → messagePush);
 * defineFunction has already refused any caller with an identity. A trace_id that matches nothing is answered, not
 * retried: it is not ours, or the photo was submitted again and has a newer check.
 */
export async function mediaCheckPush(event: Record<string, unknown>, ctx: TimerContext): Promise<{ settled: boolean }> {
  const traceId = event.trace_id;
  if (typeof traceId !== 'string' || !traceId) return { settled: false };
  const result = (event.result ?? {}) as { suggest?: unknown; label?: unknown };
  const label = result.label === undefined || result.label === null ? null : String(result.label);
  return { settled: await settleCheck(traceId, stateOfSuggest(result.suggest), label, ctx.now()) };
}
