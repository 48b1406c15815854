import { callWxOpenApi, WxOpenApiError } from './wx-openapi';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** Mini-program page without a leading slash, optionally with a query. */
  page: string;
  /** Template keys (thing1, time2, phrase3 …) and their text. */
  data: Record<string, string>;
}

/** WeChat's value limits per key type that text commonly breaks; longer text is cut rather than refused. */
const MAX_CHARS: Record<string, number> = { thing: 20, phrase: 5, name: 10 };

function fit(key: string, value: string): string {
  const type = /^([a-z_]+?)_?\d+$/.exec(key)?.[1] ?? '';
  const max = MAX_CHARS[type];
  const chars = [...value];
  if (!max || chars.length <= max) return value;
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** WeChat's answer when the person holds no grant for the template (never subscribed, or used it up): 43101. */
export const NOT_SUBSCRIBED = 43101;

/**
 * Sends one subscribe message (一次性订阅). Never throws: a notice that cannot be delivered (no subscription,
 * WeChat down) must not undo the change it reports; the outcome is returned for whoever wants to record it.
 */
export async function sendSubscribeMessage(message: SubscribeMessage): Promise<{ sent: boolean; errcode: number }> {
  const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value: fit(key, value) }]));
  try {
    const answer = await callWxOpenApi('subscribeMessage.send', { touser: message.touser, template_id: message.templateId, page: message.page, data });
    const errcode = answer.kind === 'json' ? (answer.body.errcode ?? 0) : -1;
    if (errcode !== 0) console.warn(`[subscribe-message] ${message.templateId} to ${message.touser} not sent: errcode ${errcode}`);
    return { sent: errcode === 0, errcode };
  } catch (error) {
    console.error('[subscribe-message] send failed', error);
    return { sent: false, errcode: error instanceof WxOpenApiError ? error.errcode : -1 };
  }
}
