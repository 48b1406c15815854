import { randomBytes } from 'node:crypto';
import type { WxApiAnswer } from './api-types';

/**
 * WeChat errcodes the emulated APIs answer with, from each API's documented "errcode 的合法值" table.
 * WeChat answers them with HTTP 200 and `{ errcode, errmsg }`; they are not transport errors.
 */
export const WxErrcode = {
  systemError: -1,
  invalidOpenid: 40003,
  invalidTemplateId: 40037,
  invalidArgs: 40097,
  invalidScene: 40129,
  invalidSceneLength: 40169,
  invalidPage: 41030,
  userRefusedMessage: 43101,
  emptyPostData: 44002,
  dataFormatError: 47001,
  argumentInvalid: 47003,
  riskyContent: 87014,
} as const;

/**
 * Errors the WeChat cloud-call gateway puts in CommOpenApiResp.errorCode (wx.openApi protobuf path);
 * wx-server-sdk throws them as `errCode` with errMsg "system error: error code: <code>". Codes and wording are
 * wx-server-sdk's own error table (src/config/error.config.ts).
 */
export const CloudCallErrorCode = {
  /** "system args error": answered here for a requestData that is not a CommApiData (see WxEmulator). */
  argsError: -601002,
  apiNotFound: -604100,
  noPermission: -604101,
  illegalSource: -604104,
} as const;

export const CLOUD_CALL_MESSAGES: Record<number, string> = {
  [CloudCallErrorCode.argsError]: 'system args error',
  [CloudCallErrorCode.apiNotFound]: 'API not found',
  [CloudCallErrorCode.noPermission]: 'function has no permission to call this API',
  [CloudCallErrorCode.illegalSource]: 'illegal source of invocation',
};

/** A request id in WeChat's own shape (e.g. 64b7dbf0-23c56013-1e94d102), used for trace_id and `rid:`. */
export function newWxRequestId(now: Date = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000).toString(16).padStart(8, '0');
  return `${seconds}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}

/** WeChat ends every error message with ` rid: <id>`; callers that match messages should match the start. */
export function wxError(errcode: number, errmsg: string, now?: Date): WxApiAnswer {
  return { kind: 'json', body: { errcode, errmsg: `${errmsg} rid: ${newWxRequestId(now)}` } };
}

export function wxOk(fields: Record<string, unknown> = {}): WxApiAnswer {
  return { kind: 'json', body: { errcode: 0, errmsg: 'ok', ...fields } };
}

/** WeChat takes numbers as JSON numbers or numeric strings ("version": "2" works); anything else is not one. */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Characters as WeChat counts them: one per code point, so 一个汉字也只算一个字. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** OPENIDs are opaque; the emulator only refuses what could never be one (empty, spaces, absurd length). */
export function isPlausibleOpenid(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(value);
}
