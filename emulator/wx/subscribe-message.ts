import type { WxApiHandler } from './api-types';
import { JsonLinesJournal } from './json-lines';
import type { SubscribeOutbox } from './outbox';
import { checkTemplateValue } from './subscribe-message-rules';
import { isPlausibleOpenid, WxErrcode, wxError, wxOk } from './wechat-errors';

export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;
export const SUBSCRIBE_LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'] as const;

/** How many messages one user may still receive from one template. */
export interface SubscriptionGrant {
  openid: string;
  templateId: string;
  remaining: number;
}

/**
 * Subscriptions users granted with wx.requestSubscribeMessage. WeChat allows one message per grant
 * (一次性订阅), so a send consumes one; with none left WeChat answers 43101. With a file every change is appended as
 * a JSON line (`{ openid, templateId, delta }`) before it counts, so grants survive a restart like the outbox does.
 */
export class SubscriptionGrants {
  private readonly grants = new Map<string, SubscriptionGrant>();
  private readonly journal: JsonLinesJournal<{ openid: string; templateId: string; delta: number }>;

  constructor(file?: string) {
    this.journal = new JsonLinesJournal(file);
    for (const record of this.journal.readAll()) {
      const { openid, templateId, delta } = (record ?? {}) as { openid?: unknown; templateId?: unknown; delta?: unknown };
      if (typeof openid === 'string' && typeof templateId === 'string' && Number.isInteger(delta)) this.apply(openid, templateId, delta as number);
    }
  }

  grant(openid: string, templateId: string, count = 1): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`a grant counts 1 message or more, not ${count}`);
    this.record(openid, templateId, count);
  }

  /** Takes one grant; false when there is none. */
  consume(openid: string, templateId: string): boolean {
    if (this.remaining(openid, templateId) <= 0) return false;
    this.record(openid, templateId, -1);
    return true;
  }

  remaining(openid: string, templateId: string): number {
    return this.grants.get(keyOf(openid, templateId))?.remaining ?? 0;
  }

  /** Grants not used yet, in the order they were first given. */
  list(): SubscriptionGrant[] {
    return [...this.grants.values()].filter((g) => g.remaining > 0).map((g) => ({ ...g }));
  }

  clear(): void {
    this.grants.clear();
    this.journal.clear();
  }

  private record(openid: string, templateId: string, delta: number): void {
    this.journal.append({ openid, templateId, delta });
    this.apply(openid, templateId, delta);
  }

  private apply(openid: string, templateId: string, delta: number): void {
    const key = keyOf(openid, templateId);
    const grant = this.grants.get(key) ?? { openid, templateId, remaining: 0 };
    grant.remaining = Math.max(0, grant.remaining + delta);
    this.grants.set(key, grant);
  }
}

const keyOf = (openid: string, templateId: string) => `${openid}\u0000${templateId}`;

export interface SubscribeSendOptions {
  outbox: SubscribeOutbox;
  /** app.json pages; when given, `page` (without its query) must be one of them (41030). */
  pages?: readonly string[];
  /** Known templates: id → data keys. When given, other ids answer 40037 and every key must be present. */
  templates?: Readonly<Record<string, readonly string[]>>;
  /** Every send needs a grant (43101 without one), as on WeChat. */
  grants: SubscriptionGrants;
}

let lastMsgid = 0;
/** WeChat's msgids are large integers; these stay unique, increasing and within Number.MAX_SAFE_INTEGER. */
function nextMsgid(now: Date): number {
  lastMsgid = Math.max(lastMsgid + 1, now.getTime() * 1000);
  return lastMsgid;
}

/** subscribeMessage.send: validates like WeChat, then records the message in the outbox and answers `{ errcode: 0, errmsg: 'ok', msgid }`. */
export function createSubscribeSend(options: SubscribeSendOptions): WxApiHandler {
  return (request, ctx) => {
    const now = ctx.now();
    const { touser, template_id: templateId, page } = request;
    if (!isPlausibleOpenid(touser)) return wxError(WxErrcode.invalidOpenid, 'invalid openid', now);
    if (typeof templateId !== 'string' || !templateId.trim()) return wxError(WxErrcode.invalidTemplateId, 'invalid template_id', now);
    const templateKeys = options.templates ? options.templates[templateId] : undefined;
    if (options.templates && !templateKeys) return wxError(WxErrcode.invalidTemplateId, 'invalid template_id', now);

    if (page !== undefined && page !== null && page !== '') {
      if (typeof page !== 'string') return wxError(WxErrcode.invalidPage, 'invalid page', now);
      const pagePath = page.split('?')[0].replace(/^\//, '');
      if (options.pages && !options.pages.includes(pagePath)) return wxError(WxErrcode.invalidPage, 'invalid page', now);
    }

    const state = request.miniprogram_state;
    if (state !== undefined && !(MINIPROGRAM_STATES as readonly unknown[]).includes(state)) {
      return wxError(WxErrcode.argumentInvalid, 'argument invalid! miniprogram_state invalid', now);
    }
    const lang = request.lang;
    if (lang !== undefined && !(SUBSCRIBE_LANGS as readonly unknown[]).includes(lang)) return wxError(WxErrcode.argumentInvalid, 'argument invalid! lang invalid', now);

    const data = readData(request.data);
    if (!data || Object.keys(data).length === 0) return wxError(WxErrcode.argumentInvalid, 'argument invalid! data is empty', now);
    const values: Record<string, { value: string }> = {};
    for (const [key, entry] of Object.entries(data)) {
      const raw = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).value : undefined;
      // WeChat takes numbers as values too (they arrive as JSON numbers); anything else is missing.
      const value = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
      const problem = value === undefined ? 'is empty' : checkTemplateValue(key, value);
      if (problem) return wxError(WxErrcode.argumentInvalid, `argument invalid! data.${key}.value ${problem}`, now);
      values[key] = { value: value as string };
    }
    for (const key of templateKeys ?? []) {
      if (!(key in values)) return wxError(WxErrcode.argumentInvalid, `argument invalid! data.${key}.value is empty`, now);
    }

    if (!options.grants.consume(touser, templateId)) return wxError(WxErrcode.userRefusedMessage, 'user refuse to accept the msg', now);

    const msgid = nextMsgid(now);
    options.outbox.add({
      msgid,
      timestamp: now.toISOString(),
      appid: ctx.appid,
      touser,
      template_id: templateId,
      ...(typeof page === 'string' && page ? { page } : {}),
      data: values,
      ...(typeof state === 'string' ? { miniprogram_state: state } : {}),
      ...(typeof lang === 'string' ? { lang } : {}),
    });
    return wxOk({ msgid });
  };
}

/** `data` as an object; a JSON string of one is accepted too, as WeChat parses it (callers often stringify it). */
function readData(data: unknown): Record<string, unknown> | undefined {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
