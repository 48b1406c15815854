import TaroStandIn from '@tarojs/taro';
import type { TaroStandIn as TaroApi } from './stand-ins/taro';

/**
 * The platform as a component test sees it: what each cloud function answers (on H5 a function call is
 * `Taro.request` to /fn/<name>, answered with the envelope), what the screen sent, and what it showed in a toast.
 */
export const Taro = TaroStandIn as unknown as TaroApi;

export interface SentCall {
  fn: string;
  action: string;
  payload: Record<string, unknown>;
}

type Answer = { data: unknown } | { error: { code: string; message: string; details?: unknown } };

/** Answers every call with `answer(call)` (a result, or an error in the platform's envelope) and records it. */
export function answerCalls(answer: (call: SentCall) => Answer | Promise<Answer>): SentCall[] {
  const sent: SentCall[] = [];
  Taro.request.mockImplementation((async (options: { url: string; data: Record<string, unknown> }) => {
    const { action, ...payload } = options.data;
    const call = { fn: decodeURIComponent(options.url.replace(/^\/fn\//, '')), action: String(action), payload };
    sent.push(call);
    const reply = await answer(call);
    return 'data' in reply ? { statusCode: 200, data: { ok: true, data: reply.data } } : { statusCode: 200, data: { ok: false, error: reply.error } };
  }) as never);
  return sent;
}

/** The titles of the toasts shown so far. */
export const toasts = (): string[] => (Taro.showToast.mock.calls as unknown as [{ title: string }][]).map(([options]) => options.title);
