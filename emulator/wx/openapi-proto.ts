import * as protobuf from 'protobufjs';

/**
 * The protobuf messages wx-server-sdk 4.x exchanges over `wx.openApi` (its bundled src/protobuf/openapi.js;
 * field numbers and types copied from its encoders). `cloud.openapi.<ns>.<api>(data)` sends a CommApiData
 * with apiType OPEN_API and one KeyValuePair per top-level field (key in snake_case, value = the field's JSON
 * text, or raw bytes plus contenttype/filename for media); the service answers a CommOpenApiResp whose respData
 * is WeChat's HTTP body and contentType its Content-Type. errorCode is non-zero only for gateway errors.
 */
const OPENAPI_PROTO = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message TokenApiData { string resourceAppid = 1; string resourceEnv = 2; }
message InnerApiData { uint32 modid = 1; uint32 cmdid = 2; string url = 3; bool useHttps = 4; int32 method = 5; repeated string headers = 6; bytes body = 7; }
message SvrkitApiData { string apiName = 1; bytes reqData = 2; }
message CommApiData {
  enum ApiType { OPEN_API = 0; INNER_API = 1; SVRKIT_API = 2; TOKEN_API = 3; }
  ApiType apiType = 1;
  OpenApiData openapiData = 2;
  InnerApiData innerData = 3;
  SvrkitApiData svrkitData = 4;
  TokenApiData tokenData = 5;
  string appid = 6;
}
message HttpHeader { string key = 1; string value = 2; }
message CommOpenApiResp {
  bytes respData = 1;
  string contentType = 2;
  int32 errorCode = 3;
  uint32 httpCode = 4;
  repeated HttpHeader headers = 5;
  int32 svrkitErrorCode = 6;
}
`;

const root = protobuf.parse(OPENAPI_PROTO, { keepCase: true }).root;
const CommApiDataType = root.lookupType('CommApiData');
const CommOpenApiRespType = root.lookupType('CommOpenApiResp');

export const ApiType = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const;

export interface KeyValuePair {
  key: string;
  value: Buffer;
  contenttype: string;
  filename: string;
}

export interface CommApiData {
  apiType: number;
  pairs: KeyValuePair[];
  appid: string;
  /** Set for SVRKIT_API calls (getOpenData, getVoIPSign, …), which the emulator does not serve. */
  svrkitApiName?: string;
}

export interface CommOpenApiResp {
  respData?: Buffer;
  contentType?: string;
  errorCode?: number;
  httpCode?: number;
}

/** Throws protobufjs' error on bytes that are not a CommApiData. */
export function decodeCommApiData(bytes: Buffer): CommApiData {
  const message = CommApiDataType.toObject(CommApiDataType.decode(bytes), { defaults: true, enums: Number }) as {
    apiType: number;
    openapiData?: { pairs?: Array<{ key: string; value: Uint8Array; contenttype: string; filename: string }> };
    svrkitData?: { apiName?: string };
    appid: string;
  };
  return {
    apiType: message.apiType,
    pairs: (message.openapiData?.pairs ?? []).map((p) => ({ key: p.key, value: Buffer.from(p.value), contenttype: p.contenttype, filename: p.filename })),
    appid: message.appid,
    svrkitApiName: message.svrkitData?.apiName || undefined,
  };
}

export function encodeCommApiData(data: { apiType?: number; pairs: Array<Partial<KeyValuePair> & { key: string; value: Buffer }>; appid?: string }): Buffer {
  // Like wx-server-sdk, leave appid out unless the caller names one.
  const message = CommApiDataType.fromObject({ apiType: data.apiType ?? ApiType.OPEN_API, openapiData: { pairs: data.pairs }, ...(data.appid ? { appid: data.appid } : {}) });
  return Buffer.from(CommApiDataType.encode(message).finish());
}

export function encodeCommOpenApiResp(resp: CommOpenApiResp): Buffer {
  return Buffer.from(CommOpenApiRespType.encode(CommOpenApiRespType.fromObject(resp)).finish());
}

export function decodeCommOpenApiResp(bytes: Buffer): Required<CommOpenApiResp> {
  const message = CommOpenApiRespType.toObject(CommOpenApiRespType.decode(bytes), { defaults: true }) as {
    respData: Uint8Array;
    contentType: string;
    errorCode: number;
    httpCode: number;
  };
  return { respData: Buffer.from(message.respData), contentType: message.contentType, errorCode: message.errorCode, httpCode: message.httpCode };
}
