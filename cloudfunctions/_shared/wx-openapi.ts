import { cloudApp } from './sdk';

/**
 * The one way a function calls a WeChat open API (云调用). It sends exactly what wx-server-sdk 4.x's
 * `cloud.openapi.<ns>.<api>(data)` sends — a CommApiData protobuf on `wx.openApi`, through node-sdk's
 * callCompatibleWxOpenApi — and reads the CommOpenApiResp the gateway answers. The gateway accepts nothing else
 * (no JSON body), and refuses an API the function did not declare in its config.json (-604101).
 *
 * The codec is hand-written rather than protobufjs: two small messages do not justify protobufjs (about 80 KB minified) in every bundle; this module is about 3 KB.
 * Field numbers and the encoder's choices are copied from wx-server-sdk's bundled src/protobuf/openapi.js:
 *   CommApiData   { 1 apiType: enum (OPEN_API = 0, written even when 0), 2 openapiData: OpenApiData, 6 appid: string }
 *   OpenApiData   { 1 pairs: repeated KeyValuePair }
 *   KeyValuePair  { 1 key: string, 2 value: bytes, 3 contenttype: string, 4 filename: string }
 *   CommOpenApiResp { 1 respData: bytes, 2 contentType: string, 3 errorCode: int32, 4 httpCode: uint32,
 *                     5 headers: repeated HttpHeader, 6 svrkitErrorCode: int32 }
 *
 * Callers name every API with a string literal (the function's config.json must declare exactly those; a test
 * compares the names in each built bundle with its config.json), so no list of API names lives here.
 */
export type WxOpenApiName = 'security.msgSecCheck' | 'security.mediaCheckAsync' | 'wxacode.getUnlimited' | 'subscribeMessage.send';

export type WxJsonBody = { errcode?: number; errmsg?: string } & Record<string, unknown>;

/** WeChat's answer: its JSON (`errcode` 0 or absent on success), or raw bytes (wxacode images). */
export type WxOpenApiAnswer =
  | { kind: 'json'; body: WxJsonBody }
  | { kind: 'binary'; contentType: string; buffer: Buffer };

/** Wording of wx-server-sdk's error table for the gateway codes a function can meet. */
const GATEWAY_MESSAGES: Record<number, string> = {
  [-604100]: 'API not found',
  [-604101]: 'function has no permission to call this API',
  [-604102]: 'call open API timeout',
  [-604103]: 'call open API system error',
  [-604104]: 'illegal source of invocation',
};

/** The call never reached WeChat: the cloud-call gateway refused it (errcode -6041xx) or CloudBase did (`code`). */
export class WxOpenApiError extends Error {
  constructor(
    readonly apiName: string,
    readonly errcode: number,
    message: string,
  ) {
    super(`${apiName}: ${message} (${errcode})`);
    this.name = 'WxOpenApiError';
  }
}

/** Generic failure code, wx-server-sdk's WX_SYSTEM_ERROR. */
const SYSTEM_ERROR = -601001;

/**
 * Calls `apiName` with WeChat's snake_case request. Resolves with WeChat's answer (also its own errcodes, which
 * belong to the caller); rejects with WxOpenApiError when the gateway or CloudBase refused the call.
 */
export async function callWxOpenApi(apiName: WxOpenApiName, data: Record<string, unknown>, options: { appid?: string } = {}): Promise<WxOpenApiAnswer> {
  const reply = (await cloudApp().callCompatibleWxOpenApi({ apiName, requestData: encodeCommApiData(data, options.appid) })) as unknown;
  if (!Buffer.isBuffer(reply)) {
    // node-sdk parses a JSON answer itself: CloudBase's { code, message } for a request it refused.
    const refused = (reply ?? {}) as { code?: unknown; message?: unknown };
    throw new WxOpenApiError(apiName, SYSTEM_ERROR, `CloudBase refused the call: ${String(refused.code ?? '')} ${String(refused.message ?? JSON.stringify(reply))}`.trim());
  }
  let resp: CommOpenApiResp;
  try {
    resp = decodeCommOpenApiResp(reply);
  } catch (error) {
    throw new WxOpenApiError(apiName, SYSTEM_ERROR, `unreadable gateway answer: ${(error as Error).message}`);
  }
  if (resp.errorCode) throw new WxOpenApiError(apiName, resp.errorCode, GATEWAY_MESSAGES[resp.errorCode] ?? `system error: error code: ${resp.errorCode}`);
  // Like wx-server-sdk: JSON answers are sometimes labelled text/plain.
  if (/(application\/json)|(text\/plain)/.test(resp.contentType)) {
    const text = resp.respData.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WxOpenApiError(apiName, SYSTEM_ERROR, `WeChat answered invalid JSON: ${text.slice(0, 200)}`);
    return { kind: 'json', body: body as WxJsonBody };
  }
  return { kind: 'binary', contentType: resp.contentType.trim(), buffer: resp.respData };
}

// ---- protobuf wire format (proto3, https://protobuf.dev/programming-guides/encoding/) ----

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;

function varint(value: number): number[] {
  // int32 negatives are sign-extended to 10 bytes, as protobufjs writes them.
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v ? byte | 0x80 : byte);
  } while (v);
  return out;
}

const tag = (field: number, wireType: number) => varint((field << 3) | wireType);

function lengthDelimited(field: number, bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(tag(field, LEN)), Buffer.from(varint(bytes.length)), bytes]);
}

/** One KeyValuePair per top-level field, value = its JSON text; wx-server-sdk skips fields that stringify to undefined. */
export function encodeCommApiData(data: Record<string, unknown>, appid?: string): Buffer {
  const pairs: Buffer[] = [];
  for (const [key, value] of Object.entries(data)) {
    const json = JSON.stringify(value);
    if (json === undefined) continue;
    pairs.push(lengthDelimited(1, Buffer.concat([lengthDelimited(1, Buffer.from(key, 'utf8')), lengthDelimited(2, Buffer.from(json, 'utf8'))])));
  }
  const parts = [Buffer.from([...tag(1, VARINT), ...varint(0)]), lengthDelimited(2, Buffer.concat(pairs))];
  if (appid) parts.push(lengthDelimited(6, Buffer.from(appid, 'utf8')));
  return Buffer.concat(parts);
}

export interface CommOpenApiResp {
  respData: Buffer;
  contentType: string;
  errorCode: number;
  httpCode: number;
}

/** Reads the fields wx-server-sdk reads and skips the rest; throws on bytes that are not a protobuf message. */
export function decodeCommOpenApiResp(bytes: Buffer): CommOpenApiResp {
  const resp: CommOpenApiResp = { respData: Buffer.alloc(0), contentType: '', errorCode: 0, httpCode: 0 };
  let pos = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= bytes.length) throw new Error('truncated varint');
      const byte = bytes[pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result;
    }
    throw new Error('varint too long');
  };
  const take = (length: number): Buffer => {
    if (length < 0 || pos + length > bytes.length) throw new Error('truncated field');
    const slice = bytes.subarray(pos, pos + length);
    pos += length;
    return slice;
  };
  while (pos < bytes.length) {
    const key = Number(readVarint());
    const field = key >>> 3;
    const wireType = key & 7;
    if (field === 0) throw new Error('field number 0');
    if (wireType === VARINT) {
      const value = readVarint();
      if (field === 3) resp.errorCode = Number(BigInt.asIntN(32, value));
      else if (field === 4) resp.httpCode = Number(BigInt.asUintN(32, value));
    } else if (wireType === LEN) {
      const value = take(Number(readVarint()));
      if (field === 1) resp.respData = Buffer.from(value);
      else if (field === 2) resp.contentType = value.toString('utf8');
    } else if (wireType === I64) take(8);
    else if (wireType === I32) take(4);
    else throw new Error(`unsupported wire type ${wireType}`);
  }
  return resp;
}
