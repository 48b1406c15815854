import FormData from 'form-data';
import { EmulatorError } from '../../../../emulator/errors';
import type { WxContext } from '../../../../emulator/wx/api-types';
import { JSON_CONTENT_TYPE, PROTOBUF_CONTENT_TYPE, WxEmulator } from '../../../../emulator/wx/index';
import { decodeCommOpenApiResp, encodeCommApiData } from '../../../../emulator/wx/openapi-proto';

/** A cloud call from a function that declares every API the emulator serves. */
const ctx: WxContext = {
  appid: 'wx-unit',
  now: () => new Date(),
  cloudCall: { functionName: 'unit', openApis: ['security.msgSecCheck', 'wxacode.getUnlimited', 'subscribeMessage.send'] },
};
const wx = new WxEmulator();

/** The multipart body @cloudbase/node-sdk builds (it uses the same form-data package). */
function multipart(fields: Record<string, string | Buffer>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return { contentType: form.getHeaders()['content-type'] as string, rawBody: form.getBuffer() };
}

describe('handleWxApi', () => {
  it('answers { data: { responseData } } with WeChat JSON as a string', async () => {
    const out = await wx.handleWxApi({ action: 'wx.api', apiName: 'security.msgSecCheck', requestData: JSON.stringify({ version: 2, openid: 'o', scene: 1, content: 'hi' }) }, ctx);
    expect(JSON.parse((out.data as { responseData: string }).responseData)).toMatchObject({ errcode: 0, result: { suggest: 'pass' } });
  });

  it('accepts WeChat HTTPS paths as apiName', async () => {
    const out = await wx.handleWxApi({ apiName: '/wxa/msg_sec_check', requestData: JSON.stringify({ content: 'hi' }) }, ctx);
    expect(JSON.parse((out.data as { responseData: string }).responseData)).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('answers 47001 for requestData that is not a JSON object, {} for none', async () => {
    for (const requestData of ['not json', '[1,2]', '"text"']) {
      const out = await wx.handleWxApi({ apiName: 'security.msgSecCheck', requestData }, ctx);
      expect(JSON.parse((out.data as { responseData: string }).responseData).errcode).toBe(47001);
    }
    const empty = await wx.handleWxApi({ apiName: 'security.msgSecCheck', requestData: '' }, ctx);
    expect(JSON.parse((empty.data as { responseData: string }).responseData).errcode).toBe(44002);
  });

  it('throws EmulatorError INVALID_PARAM without apiName or for an unsupported one', async () => {
    await expect(wx.handleWxApi({ requestData: '{}' }, ctx)).rejects.toMatchObject({ code: 'INVALID_PARAM', message: 'wx.api: apiName is required' });
    await expect(wx.handleWxApi({ apiName: 'foo.bar' }, ctx)).rejects.toBeInstanceOf(EmulatorError);
  });
});

describe('handleWxOpenApi', () => {
  const pb = (data: Record<string, unknown>) => encodeCommApiData({ pairs: Object.entries(data).map(([key, value]) => ({ key, value: Buffer.from(JSON.stringify(value)) })) });

  it('parses rawBody itself when no fields are given', async () => {
    const reply = await wx.handleWxOpenApi(multipart({ action: 'wx.openApi', apiName: 'security.msgSecCheck', requestData: pb({ content: '赌博' }) }), ctx);
    expect(reply.contentType).toBe(PROTOBUF_CONTENT_TYPE);
    expect(JSON.parse(decodeCommOpenApiResp(reply.body).respData.toString('utf8'))).toMatchObject({ errcode: 87014 });
  });

  it('answers a JSON or garbled requestData with the gateway code -601002, not with WeChat', async () => {
    for (const requestData of [Buffer.from('{"content":"赌博"}'), Buffer.from(' [1]'), Buffer.from([0xff, 0xff, 0xff])]) {
      const reply = await wx.handleWxOpenApi(multipart({ action: 'wx.openApi', apiName: 'security.msgSecCheck', requestData }), ctx);
      expect(reply.contentType).toBe(PROTOBUF_CONTENT_TYPE);
      expect(decodeCommOpenApiResp(reply.body)).toMatchObject({ errorCode: -601002, respData: Buffer.alloc(0) });
    }
  });

  it('refuses calls from no function (-604104) and undeclared APIs (-604101)', async () => {
    const call = async (context: WxContext) =>
      decodeCommOpenApiResp((await wx.handleWxOpenApi(multipart({ action: 'wx.openApi', apiName: 'security.msgSecCheck', requestData: pb({ content: 'x' }) }), context)).body).errorCode;
    expect(await call({ appid: 'wx-unit', now: () => new Date() })).toBe(-604104);
    expect(await call({ ...ctx, cloudCall: { functionName: 'other', openApis: ['wxacode.getUnlimited'] } })).toBe(-604101);
  });

  it('answers protobuf for protobuf, using the appid the caller named', async () => {
    const requestData = encodeCommApiData({ pairs: [{ key: 'scene', value: Buffer.from('"a=1"') }], appid: 'wx-other-app' });
    const reply = await wx.handleWxOpenApi(multipart({ action: 'wx.openApi', apiName: 'wxacode.getUnlimited', requestData }), ctx);
    expect(reply.contentType).toBe(PROTOBUF_CONTENT_TYPE);
    expect(decodeCommOpenApiResp(reply.body)).toMatchObject({ errorCode: 0, contentType: 'image/png', httpCode: 200 });
  });

  it('answers a WeChat error inside the protobuf', async () => {
    const requestData = encodeCommApiData({ pairs: [{ key: 'scene', value: Buffer.from('"bad scene"') }] });
    const resp = decodeCommOpenApiResp((await wx.handleWxOpenApi(multipart({ action: 'wx.openApi', apiName: 'wxacode.getUnlimited', requestData }), ctx)).body);
    expect(resp.contentType).toBe(JSON_CONTENT_TYPE);
    expect(JSON.parse(resp.respData.toString('utf8'))).toMatchObject({ errcode: 40129 });
  });

  it('refuses what is not a wx.openApi multipart call', async () => {
    await expect(wx.handleWxOpenApi({ contentType: 'application/json', rawBody: Buffer.from('{}') }, ctx)).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(wx.handleWxOpenApi({ contentType: 'multipart/form-data', rawBody: Buffer.from('x') }, ctx)).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(wx.handleWxOpenApi(multipart({ action: 'wx.wxPayApi', apiName: 'x', requestData: Buffer.from('{}') }), ctx)).rejects.toMatchObject({ code: 'INVALID_ACTION' });
    await expect(wx.handleWxOpenApi(multipart({ action: 'wx.openApi', requestData: Buffer.from('{}') }), ctx)).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('takes already-parsed fields from the server', async () => {
    const reply = await wx.handleWxOpenApi({ rawBody: Buffer.alloc(0), fields: { action: 'wx.openApi', apiName: 'security.msgSecCheck', requestData: pb({ content: 'ok' }) } }, ctx);
    expect(JSON.parse(decodeCommOpenApiResp(reply.body).respData.toString('utf8'))).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('lists the APIs it serves', () => {
    expect(wx.supportedApis().sort()).toEqual(['security.mediaCheckAsync', 'security.msgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited']);
  });
});
