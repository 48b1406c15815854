/**
 * Drives the real @cloudbase/node-sdk against the wx emulator:
 * - app.callWxOpenApi → action wx.api (JSON; the SDK reads JSON.parse(data.responseData) into `result`)
 * - app.callCompatibleWxOpenApi → action wx.openApi (multipart; the SDK returns the raw body, or the parsed JSON
 *   when the answer's Content-Type is exactly application/json; charset=utf-8). Only a CommApiData protobuf is
 *   accepted, as wx-server-sdk sends it (and the project's own cloudfunctions/_shared/wx-openapi.ts codec).
 * Cloud calls are made as a function: the SDK sends the function's WX_API_TOKEN, and the emulator checks the open APIs
 * that function's deployed config.json declares.
 */
import { LOCAL_WX_APPID, type RunningEmulator } from '../../../../emulator/server';
import { decodeCommOpenApiResp, encodeCommApiData } from '../../../../emulator/wx/openapi-proto';
import { renderWxacodePng, wxacodeText } from '../../../../emulator/wx/wxacode';
import { decodeCommOpenApiResp as projectDecode, encodeCommApiData as projectEncode } from '../../../../cloudfunctions/_shared/wx-openapi';
import { sdkFor, startTestEmulator } from '../../../helpers/emulator-sdk';
import { actionsDuring } from './helpers/actions';
import { callAsFunction, functionsDeclaring } from './helpers/cloud-call';
import { PNG_SIGNATURE, pngSize } from './helpers/png';

// Keeps the SDK from probing the cloud metadata host.
process.env.TENCENTCLOUD = 'true';

interface TcbApp {
  callWxOpenApi(options: { apiName: string; requestData?: unknown }): Promise<{ result: any; requestId: string }>;
  callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer }): Promise<any>;
}

let server: RunningEmulator;
let app: TcbApp;

beforeAll(async () => {
  // The real emulator server, verifying the SDK's signatures with the local secret sdkFor signs with.
  const functionsDir = functionsDeclaring({
    'wx-caller': ['security.msgSecCheck', 'wxacode.getUnlimited', 'subscribeMessage.send'],
    'text-only': ['security.msgSecCheck'],
    'declares-nothing': [],
  });
  server = await startTestEmulator(':memory:', { functionsDir });
  app = sdkFor(server.url) as unknown as TcbApp;
});

afterAll(() => server.close());

beforeEach(() => {
  server.emulator.wx.clearOutbox();
  callAsFunction('wx-caller');
});

afterAll(() => callAsFunction(null));

/** Outside a function invocation the server has no caller, so WeChat calls carry its own local appid. */
const APPID = LOCAL_WX_APPID;

const OPENID = 'o-test-user-0001';
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('callWxOpenApi (wx.api)', () => {
  it('answers msgSecCheck v2 pass / review / risky in WeChat shape', async () => {
    const ask = (content: string) => app.callWxOpenApi({ apiName: 'security.msgSecCheck', requestData: { version: 2, openid: OPENID, scene: 2, content } });

    const { result: pass, actions } = await actionsDuring(server.emulator, () => ask('今天社区组织了志愿服务'));
    expect(actions).toEqual({ 'wx.api': 1 });
    expect(pass.requestId).toEqual(expect.any(String));
    expect(pass.result).toMatchObject({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, trace_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/) });
    expect(pass.result.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'content_model', suggest: 'pass' })]));

    const review = await ask('please review-test-word this');
    expect(review.result.result).toEqual({ suggest: 'review', label: 21000 });

    const risky = await ask('一起去赌博吧');
    expect(risky.result.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(risky.result.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '赌博', suggest: 'risky' })]));
  });

  it('answers bad input with WeChat errcodes inside result, and keeps serving', async () => {
    const call = (requestData: Record<string, unknown>) => app.callWxOpenApi({ apiName: 'security.msgSecCheck', requestData });
    expect((await call({ version: 2, openid: OPENID, scene: 9, content: 'x' })).result).toMatchObject({ errcode: 40129, errmsg: expect.stringMatching(/^invalid scene rid: /) });
    expect((await call({ version: 2, scene: 1, content: 'x' })).result.errcode).toBe(40003);
    expect((await call({ version: 2, openid: OPENID, scene: 1, content: 'x'.repeat(2501) })).result.errcode).toBe(47001);
    expect((await call({ version: 2, openid: OPENID, scene: 1 })).result.errcode).toBe(44002);
    expect((await call({ version: 2, openid: OPENID, scene: 1, content: 'fine' })).result.result.suggest).toBe('pass');
  });

  it('rejects an unknown apiName with a TcbError, then serves the next call', async () => {
    await expect(app.callWxOpenApi({ apiName: 'nope.unknownApi', requestData: {} })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('nope.unknownApi is not supported'),
    });
    const next = await app.callWxOpenApi({ apiName: 'security.msgSecCheck', requestData: { version: 2, openid: OPENID, scene: 1, content: 'ok' } });
    expect(next.result.errcode).toBe(0);
  });

  it('returns a getUnlimited PNG as base64 in result.buffer', async () => {
    const { result } = await app.callWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: { scene: 'id=42', page: 'pages/index/index', width: 300 } });
    expect(result.contentType).toBe('image/png');
    const png = Buffer.from(result.buffer, 'base64');
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png).width).toBeGreaterThanOrEqual(299);
  });

  it('sends a subscribe message into the outbox and validates its data', async () => {
    server.emulator.wx.grantSubscription(OPENID, 'TPL_WISH', 2);
    const sent = await app.callWxOpenApi({
      apiName: 'subscribeMessage.send',
      requestData: { touser: OPENID, template_id: 'TPL_WISH', page: 'pages/wish/detail?id=1', data: { thing1: { value: '微心愿已认领' }, phrase2: { value: '已认领' } } },
    });
    expect(sent.result).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    expect(server.emulator.wx.outbox()).toEqual([
      expect.objectContaining({ touser: OPENID, template_id: 'TPL_WISH', page: 'pages/wish/detail?id=1', appid: APPID, data: { thing1: { value: '微心愿已认领' }, phrase2: { value: '已认领' } } }),
    ]);

    const bad = await app.callWxOpenApi({ apiName: 'subscribeMessage.send', requestData: { touser: OPENID, template_id: 'TPL_WISH', data: { phrase2: { value: '六个汉字太长' } } } });
    expect(bad.result).toMatchObject({ errcode: 47003, errmsg: expect.stringMatching(/^argument invalid! data\.phrase2\.value invalid/) });
    expect(server.emulator.wx.outbox()).toHaveLength(1);
  });
});

describe('callCompatibleWxOpenApi (wx.openApi)', () => {
  const proto = (data: Record<string, unknown>) => encodeCommApiData({ pairs: Object.entries(data).map(([key, value]) => ({ key, value: json(value) })) });

  it('with a CommApiData protobuf answers a CommOpenApiResp carrying WeChat JSON or the PNG', async () => {
    const { result: reply, actions } = await actionsDuring(server.emulator, () =>
      app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: proto({ version: 2, openid: OPENID, scene: 3, content: 'risky-test-word' }) }),
    );
    expect(actions).toEqual({ 'wx.openApi': 1 });
    const check = decodeCommOpenApiResp(reply);
    expect(check).toMatchObject({ errorCode: 0, contentType: 'application/json; charset=utf-8' });
    expect(JSON.parse(check.respData.toString())).toMatchObject({ errcode: 0, result: { suggest: 'risky', label: 20006 } });

    const png = decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: proto({ scene: 'a=1&b=2', page: 'pages/index/index' }) }));
    expect(png.contentType).toBe('image/png');
    expect(pngSize(png.respData)).toEqual({ width: 430, height: 430 });
    // Same text through the same renderer gives the same bytes: the PNG holds exactly the documented URL.
    const text = wxacodeText({ appid: APPID, page: 'pages/index/index', scene: 'a=1&b=2', envVersion: 'release' });
    expect(png.respData.equals(await renderWxacodePng(text, { width: 430 }))).toBe(true);

    const bad = decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: proto({ scene: 'x'.repeat(33) }) }));
    expect(bad.errorCode).toBe(0);
    expect(JSON.parse(bad.respData.toString())).toMatchObject({ errcode: 40169 });
  });

  it("accepts the project's own codec (cloudfunctions/_shared/wx-openapi.ts) for all three APIs", async () => {
    const call = async (apiName: string, data: Record<string, unknown>) => projectDecode(await app.callCompatibleWxOpenApi({ apiName, requestData: projectEncode(data) }));
    const check = await call('security.msgSecCheck', { version: 2, openid: OPENID, scene: 2, content: '一起去赌博吧' });
    expect(check.errorCode).toBe(0);
    expect(JSON.parse(check.respData.toString())).toMatchObject({ errcode: 0, result: { suggest: 'risky' } });
    const png = await call('wxacode.getUnlimited', { scene: 'k=v', page: 'pages/index/index', width: 280 });
    expect(png).toMatchObject({ errorCode: 0, contentType: 'image/png', httpCode: 200 });
    expect(png.respData.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const sent = await call('subscribeMessage.send', { touser: OPENID, template_id: 'TPL_WISH', page: 'pages/index/index', data: { thing1: { value: '已认领' } } });
    expect(sent.errorCode).toBe(0);
    // 0 when sent; 43101 when the user granted no subscription: either way WeChat answered the decoded request.
    expect([0, 43101]).toContain(JSON.parse(sent.respData.toString()).errcode);
  });

  it('refuses a JSON body and a garbled body with the gateway code -601002, then serves the next call', async () => {
    const refused = async (requestData: Buffer) => decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData }));
    expect(await refused(json({ version: 2, openid: OPENID, scene: 1, content: 'hello' }))).toMatchObject({ errorCode: -601002, respData: Buffer.alloc(0) });
    expect(await refused(Buffer.from([0xff, 0xff, 0xff]))).toMatchObject({ errorCode: -601002 });
    expect(await refused(Buffer.from([0x12, 0x50, 0x01]))).toMatchObject({ errorCode: -601002 });
    const next = decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: proto({ version: 2, openid: OPENID, scene: 1, content: 'hello' }) }));
    expect(JSON.parse(next.respData.toString()).result.suggest).toBe('pass');
  });

  it('answers an API the emulator lacks with -604100', async () => {
    expect(decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'nope.unknownApi', requestData: proto({}) })).errorCode).toBe(-604100);
  });
});

describe('cloud-call permissions', () => {
  const msgSecCheck = proto({ version: 2, openid: OPENID, scene: 1, content: 'hello' });
  function proto(data: Record<string, unknown>) {
    return encodeCommApiData({ pairs: Object.entries(data).map(([key, value]) => ({ key, value: json(value) })) });
  }

  it('refuses an API the calling function did not declare with -604101, on both transports', async () => {
    callAsFunction('text-only');
    const allowed = decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: msgSecCheck }));
    expect(allowed.errorCode).toBe(0);
    const refused = decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: proto({ scene: 'a=1' }) }));
    expect(refused).toMatchObject({ errorCode: -604101, respData: Buffer.alloc(0) });
    const viaWxApi = await app.callWxOpenApi({ apiName: '/wxa/getwxacodeunlimit', requestData: { scene: 'a=1' } });
    expect(viaWxApi.result).toEqual({ errcode: -604101, errmsg: 'function has no permission to call this API' });

    callAsFunction('declares-nothing');
    expect(decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: msgSecCheck })).errorCode).toBe(-604101);
    expect(server.emulator.wx.outbox()).toEqual([]);
  });

  it('refuses cloud calls that come from no function (-604104), and a forged token is no function', async () => {
    callAsFunction(null);
    expect(decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: msgSecCheck })).errorCode).toBe(-604104);
    expect((await app.callWxOpenApi({ apiName: 'security.msgSecCheck', requestData: { version: 2, openid: OPENID, scene: 1, content: 'x' } })).result).toEqual({
      errcode: -604104,
      errmsg: 'illegal source of invocation',
    });
    process.env.WX_CONTEXT_KEYS = 'WX_API_TOKEN';
    process.env.WX_API_TOKEN = 'wxapi.d3gtY2FsbGVy.forged';
    expect(decodeCommOpenApiResp(await app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: msgSecCheck })).errorCode).toBe(-604104);
  });
});
