/**
 * Drives the real @cloudbase/node-sdk against the wx emulator:
 * - app.callWxOpenApi → action wx.api (JSON; the SDK reads JSON.parse(data.responseData) into `result`)
 * - app.callCompatibleWxOpenApi → action wx.openApi (multipart; the SDK returns the raw body, or the parsed JSON
 *   when the answer's Content-Type is exactly application/json; charset=utf-8)
 */
import { LOCAL_WX_APPID, type RunningEmulator } from '../../../../emulator/server';
import { decodeCommOpenApiResp, encodeCommApiData } from '../../../../emulator/wx/openapi-proto';
import { renderWxacodePng, wxacodeText } from '../../../../emulator/wx/wxacode';
import { sdkFor, startTestEmulator } from '../../../helpers/emulator-sdk';
import { actionsDuring } from './helpers/actions';
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
  server = await startTestEmulator();
  app = sdkFor(server.url) as unknown as TcbApp;
});

afterAll(() => server.close());

beforeEach(() => server.emulator.wx.clearOutbox());

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
  it('with a JSON requestData returns WeChat JSON parsed, and PNG bytes for getUnlimited', async () => {
    const { result: check, actions } = await actionsDuring(server.emulator, () =>
      app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: json({ version: 2, openid: OPENID, scene: 3, content: 'risky-test-word' }) }),
    );
    expect(actions).toEqual({ 'wx.openApi': 1 });
    expect(check).toMatchObject({ errcode: 0, result: { suggest: 'risky', label: 20006 } });

    const png = await app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: json({ scene: 'a=1&b=2', page: 'pages/index/index' }) });
    expect(Buffer.isBuffer(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 430, height: 430 });
    // Same text through the same renderer gives the same bytes: the PNG holds exactly the documented URL.
    const text = wxacodeText({ appid: APPID, page: 'pages/index/index', scene: 'a=1&b=2', envVersion: 'release' });
    const expected = await renderWxacodePng(text, { width: 430 });
    expect(png.equals(expected)).toBe(true);

    const bad = await app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: json({ scene: 'x'.repeat(33) }) });
    expect(bad).toMatchObject({ errcode: 40169 });
  });

  it('with a CommApiData protobuf answers a CommOpenApiResp carrying the PNG', async () => {
    const pairs = Object.entries({ scene: 'k=v', page: 'pages/index/index', check_path: false }).map(([key, value]) => ({ key, value: json(value) }));
    const reply = await app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: encodeCommApiData({ pairs }) });
    const resp = decodeCommOpenApiResp(reply);
    expect(resp.errorCode).toBe(0);
    expect(resp.contentType).toBe('image/png');
    expect(resp.respData.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('rejects unknown APIs and unreadable bodies with a TcbError, then serves the next call', async () => {
    await expect(app.callCompatibleWxOpenApi({ apiName: 'nope.unknownApi', requestData: json({}) })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: Buffer.from([0xff, 0xff, 0xff]) })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('neither a JSON object nor a CommApiData protobuf'),
    });
    const next = await app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: json({ version: 2, openid: OPENID, scene: 1, content: 'hello' }) });
    expect(next.result.suggest).toBe('pass');
  });
});
