import { EmulatorError, EmulatorErrorCode } from '../errors';
import type { WxApiAnswer, WxApiHandler, WxApiRequest, WxContext } from './api-types';
import { type ContentCheckWord, DEFAULT_REVIEW_WORDS, DEFAULT_RISKY_WORDS, MsgSecCheckLabel } from './content-check-words';
import { createMediaCheckAsync, loadRiskyMediaHashes, type MediaCheckAsync, type MediaCheckPush } from './media-check-async';
import { createMsgSecCheck } from './msg-sec-check';
import { readMultipartParts } from './multipart';
import { ApiType, decodeCommApiData, encodeCommOpenApiResp } from './openapi-proto';
import { type OutboxMessage, SubscribeOutbox } from './outbox';
import { createSubscribeSend, type SubscriptionGrant, SubscriptionGrants } from './subscribe-message';
import { CLOUD_CALL_MESSAGES, CloudCallErrorCode, WxErrcode, wxError } from './wechat-errors';
import { createGetUnlimited } from './wxacode';

export type { WxApiAnswer, WxApiRequest, WxContext } from './api-types';
export type { ContentCheckWord } from './content-check-words';
export type { MediaCheckPush } from './media-check-async';
export type { OutboxMessage } from './outbox';
export type { SubscriptionGrant } from './subscribe-message';

export interface WxEmulatorOptions {
  /** JSON-lines file that keeps the subscribe-message outbox across restarts; memory only when undefined. */
  outboxFile?: string;
  /** JSON-lines file that keeps the users' subscription grants across restarts; memory only when undefined. */
  grantsFile?: string;
  /** Replace the default risky test words (content-check-words.ts). Plain strings get label 20006. */
  riskyWords?: ReadonlyArray<string | ContentCheckWord>;
  /** Replace the default review test words. Plain strings get label 21000. */
  reviewWords?: ReadonlyArray<string | ContentCheckWord>;
  /** app.json page list; enables WeChat's page checks (getUnlimited with check_path, subscribeMessage.send). */
  pages?: readonly string[];
  /** Known subscribe templates: id → data keys. Without it any template id and keys are accepted. */
  templates?: Readonly<Record<string, readonly string[]>>;
  /**
   * Whether the mini-program has a released version (default true). False is a new mini-program: WeChat then refuses
   * every page of getUnlimited with check_path true (41030).
   */
  published?: boolean;
  /** SHA-256 digests of images security.mediaCheckAsync finds risky; default emulator/media-check-risky.json. */
  riskyMediaSha256?: readonly string[];
  /** Milliseconds before the wxa_media_check push is delivered (default 200). */
  mediaCheckDelayMs?: number;
}

/** The HTTP answer to a wx.openApi call: write it with status 200 as is. */
export interface WxOpenApiReply {
  contentType: string;
  body: Buffer;
}

export interface WxOpenApiHttpRequest {
  /** The request's Content-Type (multipart/form-data; boundary=…); taken from `headers` when absent. */
  contentType?: string;
  headers?: Record<string, string | string[] | undefined>;
  /** The untouched request body: binary parts must not go through a text decoder. */
  rawBody: Buffer;
  /**
   * The multipart parts if the server already parsed them (text fields as strings, octet-stream parts as Buffers,
   * as busboy gives them); otherwise rawBody is parsed here.
   */
  fields?: Record<string, unknown>;
}

/** Content-Type for JSON answers on wx.openApi: the SDK parses a body as JSON only with exactly this value. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** Content-Type of a CommOpenApiResp protobuf answer. */
export const PROTOBUF_CONTENT_TYPE = 'application/octet-stream';

/** WeChat's HTTPS paths, accepted as apiName too, since callWxOpenApi passes apiName through untouched. */
const API_ALIASES: Record<string, string> = {
  '/wxa/msg_sec_check': 'security.msgSecCheck',
  '/wxa/media_check_async': 'security.mediaCheckAsync',
  '/wxa/getwxacodeunlimit': 'wxacode.getUnlimited',
  '/cgi-bin/message/subscribe/send': 'subscribeMessage.send',
};

/**
 * Local stand-in for the WeChat open APIs behind CloudBase's `wx.api` and `wx.openApi` actions, accepting only what the
 * official SDKs send:
 * - `wx.api` (node-sdk `app.callWxOpenApi`, wx-server-sdk `cloud.callOpenAPI`): JSON in, `{ data: { responseData } }` out,
 *   responseData being WeChat's JSON answer as a string. WeChat-level errors travel inside it as errcode/errmsg.
 * - `wx.openApi` (wx-server-sdk `cloud.openapi.*`, node-sdk `app.callCompatibleWxOpenApi` with the same bytes): multipart
 *   in, requestData a CommApiData protobuf; out a CommOpenApiResp protobuf whose respData is WeChat's raw body.
 * Both are cloud calls (云调用): only a function may make them, and only for the APIs its config.json declares. The
 * caller is known from the token the function host gives each function (ctx.cloudCall).
 * Problems that are not WeChat's to answer (no apiName, an API the emulator lacks on wx.api, a multipart body that cannot
 * be read) are thrown as EmulatorError, which the server turns into `{ code, message, requestId }`.
 */
export class WxEmulator {
  private readonly handlers = new Map<string, WxApiHandler>();
  private readonly outboxStore: SubscribeOutbox;
  private readonly grants: SubscriptionGrants;
  private readonly templateIds?: string[];
  private pushSink?: (event: MediaCheckPush) => Promise<void>;
  private readonly mediaCheck: MediaCheckAsync;

  constructor(options: WxEmulatorOptions = {}) {
    this.outboxStore = new SubscribeOutbox(options.outboxFile);
    this.grants = new SubscriptionGrants(options.grantsFile);
    this.templateIds = options.templates ? Object.keys(options.templates) : undefined;
    const words = (list: ReadonlyArray<string | ContentCheckWord>, label: number) => list.map((w) => (typeof w === 'string' ? { word: w, label } : w));
    this.handlers.set(
      'security.msgSecCheck',
      createMsgSecCheck({
        risky: options.riskyWords ? words(options.riskyWords, MsgSecCheckLabel.illegal) : DEFAULT_RISKY_WORDS,
        review: options.reviewWords ? words(options.reviewWords, MsgSecCheckLabel.other) : DEFAULT_REVIEW_WORDS,
      }),
    );
    this.mediaCheck = createMediaCheckAsync({
        riskySha256: options.riskyMediaSha256 ?? loadRiskyMediaHashes(),
        delayMs: options.mediaCheckDelayMs ?? 200,
        push: async (event) => {
          // Like WeChat with no 消息推送 configured: the verdict is lost, the photo stays unchecked.
          if (this.pushSink) await this.pushSink(event);
        },
      });
    this.handlers.set('security.mediaCheckAsync', this.mediaCheck.handler);
    this.handlers.set('wxacode.getUnlimited', createGetUnlimited({ pages: options.pages, published: options.published ?? true }));
    this.handlers.set(
      'subscribeMessage.send',
      createSubscribeSend({ outbox: this.outboxStore, pages: options.pages, templates: options.templates, grants: this.grants }),
    );
  }

  /** API names the emulator answers, e.g. for the dev UI. */
  supportedApis(): string[] {
    return [...this.handlers.keys()];
  }

  /** Calls one API directly with WeChat's snake_case request (dev UI, tests). Unknown names throw EmulatorError. */
  async callApi(apiName: string, request: WxApiRequest, ctx: WxContext): Promise<WxApiAnswer> {
    const handler = this.handlerFor(apiName);
    if (!handler) throw unsupportedApi(apiName);
    return handler(request, ctx);
  }

  /** `action: 'wx.api'`: returns the fields to answer next to requestId, i.e. `{ data: { responseData } }`. */
  async handleWxApi(body: Record<string, unknown>, ctx: WxContext): Promise<Record<string, unknown>> {
    const apiName = body.apiName;
    if (typeof apiName !== 'string' || !apiName) throw new EmulatorError(EmulatorErrorCode.invalidParam, 'wx.api: apiName is required');
    const handler = this.handlerFor(apiName);
    if (!handler) throw unsupportedApi(apiName);
    const refusal = cloudCallRefusal(canonicalName(apiName), ctx);
    // Inferred: on wx.api the gateway's refusal reaches the caller as WeChat-shaped JSON (errcode/errmsg), the only
    // error channel responseData has; the codes are the same as on wx.openApi.
    if (refusal) return wxApiReply({ errcode: refusal, errmsg: CLOUD_CALL_MESSAGES[refusal] });
    const request = readJsonRequest(body.requestData);
    // WeChat answers a body that is not a JSON object with 47001 itself.
    const answer = request ? await handler(request, ctx) : wxError(WxErrcode.dataFormatError, 'data format error', ctx.now());
    // JSON cannot carry bytes: a binary answer travels as { contentType, buffer: <base64> } (emulator's choice, see report).
    return wxApiReply(answer.kind === 'json' ? answer.body : { contentType: answer.contentType, buffer: answer.body.toString('base64') });
  }

  /**
   * `action: 'wx.openApi'` (multipart, requestData a CommApiData protobuf). Returns the exact HTTP 200 answer, a
   * CommOpenApiResp; throws EmulatorError for transport problems (not multipart, no apiName).
   *
   * Known (wx-server-sdk's reply handling and error table): gateway refusals arrive as CommOpenApiResp.errorCode —
   * -604100 API not found, -604101 function has no permission to call this API, -604104 illegal source of invocation —
   * and WeChat's own errors inside respData. Inferred: the order of the checks (caller, API, permission, body), and the
   * answer to a requestData that is not a CommApiData (a JSON body, garbage): the gateway that decodes it answers
   * errorCode -601002 "system args error" rather than guessing at the bytes.
   */
  async handleWxOpenApi(req: WxOpenApiHttpRequest, ctx: WxContext): Promise<WxOpenApiReply> {
    const parts = req.fields ?? (await readMultipartParts(multipartType(req), req.rawBody));
    const text = (name: string) => {
      const value = parts[name];
      return typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : '';
    };
    const action = text('action');
    if (action !== 'wx.openApi') throw new EmulatorError(EmulatorErrorCode.invalidAction, `handleWxOpenApi serves wx.openApi, not ${action || '(no action)'}`);
    const apiName = text('apiName');
    if (!apiName) throw new EmulatorError(EmulatorErrorCode.invalidParam, 'wx.openApi: apiName is required');
    const rawRequestData = parts.requestData;
    const requestData = Buffer.isBuffer(rawRequestData) ? rawRequestData : Buffer.from(typeof rawRequestData === 'string' ? rawRequestData : '', 'utf8');

    if (!ctx.cloudCall) return protobufReply({ errorCode: CloudCallErrorCode.illegalSource });
    const handler = this.handlerFor(apiName);
    if (!handler) return protobufReply({ errorCode: CloudCallErrorCode.apiNotFound });
    const refusal = cloudCallRefusal(canonicalName(apiName), ctx);
    if (refusal) return protobufReply({ errorCode: refusal });

    let commApiData;
    try {
      // A JSON text is not a CommApiData, even where protobufjs would skip its bytes as unknown fields ('{' opens a group).
      if (startsLikeJson(requestData)) throw new Error('a JSON body');
      commApiData = decodeCommApiData(requestData);
    } catch {
      return protobufReply({ errorCode: CloudCallErrorCode.argsError });
    }
    // Only OPEN_API calls are served; the SVRKIT/INNER/TOKEN kinds are APIs the emulator lacks.
    if (commApiData.apiType !== ApiType.OPEN_API) return protobufReply({ errorCode: CloudCallErrorCode.apiNotFound });
    const request: WxApiRequest = {};
    for (const pair of commApiData.pairs) {
      request[pair.key] = pair.contenttype
        ? { contentType: pair.contenttype, value: pair.value, fileName: pair.filename }
        : parseJsonOrText(pair.value.toString('utf8'));
    }
    // cloud.openapi({ appid }) calls on behalf of another mini program.
    const answer = await handler(request, commApiData.appid ? { ...ctx, appid: commApiData.appid } : ctx);
    return answer.kind === 'binary'
      ? protobufReply({ respData: answer.body, contentType: answer.contentType, httpCode: 200 })
      : protobufReply({ respData: Buffer.from(JSON.stringify(answer.body)), contentType: JSON_CONTENT_TYPE, httpCode: 200 });
  }

  /** Stops: the pushes not yet delivered are dropped, as nothing is left to receive them. */
  close(): void {
    this.mediaCheck.cancelPending();
  }

  /** Where WeChat's message pushes (wxa_media_check) go: the server routes them to the configured function. */
  onPush(sink: (event: MediaCheckPush) => Promise<void>): void {
    this.pushSink = sink;
  }

  /** Subscribe messages sent so far, oldest first. */
  outbox(): OutboxMessage[] {
    return this.outboxStore.list();
  }

  clearOutbox(): void {
    this.outboxStore.clear();
  }

  /**
   * Records that `openid` accepted `templateId` in wx.requestSubscribeMessage (`count` times): each grant lets one
   * subscribeMessage.send through, and a send without one answers 43101, as on WeChat.
   */
  grantSubscription(openid: string, templateId: string, count = 1): void {
    this.grants.grant(openid, templateId, count);
  }

  /** Grants not used yet. */
  subscriptions(): SubscriptionGrant[] {
    return this.grants.list();
  }

  /** The templates the emulator knows (`templates` option), or undefined when it takes any id. */
  knownTemplateIds(): string[] | undefined {
    return this.templateIds;
  }

  private handlerFor(apiName: string): WxApiHandler | undefined {
    return this.handlers.get(API_ALIASES[apiName] ?? apiName);
  }
}

function unsupportedApi(apiName: string): EmulatorError {
  return new EmulatorError(
    EmulatorErrorCode.invalidParam,
    `WeChat API ${apiName} is not supported by the local emulator (supported: security.msgSecCheck, security.mediaCheckAsync, wxacode.getUnlimited, subscribeMessage.send)`,
  );
}

/** wx.api's requestData is JSON.stringify(requestData) or '' when the caller gave none; undefined when not a JSON object. */
function readJsonRequest(requestData: unknown): WxApiRequest | undefined {
  if (requestData === undefined || requestData === null || requestData === '') return {};
  let value = requestData;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as WxApiRequest) : undefined;
}

/** JSON text never starts a CommApiData: '{' would open a protobuf group, which proto3 messages do not have. */
function startsLikeJson(bytes: Buffer): boolean {
  const text = bytes.subarray(0, 64).toString('utf8').trimStart();
  return text.startsWith('{') || text.startsWith('[');
}

const canonicalName = (apiName: string) => API_ALIASES[apiName] ?? apiName;

/** The gateway's refusal of a cloud call: not from a function, or an API the function's config.json does not declare. */
function cloudCallRefusal(apiName: string, ctx: WxContext): number | undefined {
  if (!ctx.cloudCall) return CloudCallErrorCode.illegalSource;
  if (!ctx.cloudCall.openApis.includes(apiName)) return CloudCallErrorCode.noPermission;
  return undefined;
}

function wxApiReply(body: Record<string, unknown>): Record<string, unknown> {
  return { data: { responseData: JSON.stringify(body) } };
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function protobufReply(resp: Parameters<typeof encodeCommOpenApiResp>[0]): WxOpenApiReply {
  return { contentType: PROTOBUF_CONTENT_TYPE, body: encodeCommOpenApiResp(resp) };
}

function multipartType(req: WxOpenApiHttpRequest): string {
  const contentType = req.contentType ?? headerValue(req.headers, 'content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new EmulatorError(EmulatorErrorCode.invalidParam, 'wx.openApi expects a multipart/form-data body');
  }
  return contentType;
}

function headerValue(headers: WxOpenApiHttpRequest['headers'], name: string): string | undefined {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}
