/**
 * Drives the real wx-server-sdk (which bundles its own @cloudbase/node-sdk 3.17) against the wx emulator:
 * - cloud.openapi.<ns>.<api>(data) → wx.openApi with a CommApiData protobuf; the answer is a CommOpenApiResp
 * - cloud.callOpenAPI({ api, data }) → wx.api
 * - cloud.getWXContext() reads WX_* variables named in WX_CONTEXT_KEYS (set by the function host)
 */
import { DEFAULT_ENV_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../../emulator/config';
import type { RunningEmulator } from '../../../../emulator/server';
import { startTestEmulator } from '../../../helpers/emulator-sdk';
import { actionsDuring } from './helpers/actions';
import { PNG_SIGNATURE, pngSize } from './helpers/png';

const OPENID = 'o-wx-server-sdk-user';
const APPID = 'wx-appid-of-function';

let server: RunningEmulator;
let cloud: any;

beforeAll(async () => {
  // The real emulator server, verifying signatures with the local secret.
  server = await startTestEmulator();
  // What a CloudBase function instance has in its environment; wx-server-sdk takes the service URL from TCB_CONTEXT_CNFG
  // and signs with the secret in TENCENTCLOUD_SECRETID/KEY.
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: server.url }),
    TENCENTCLOUD_SECRETID: DEFAULT_SECRET_ID,
    TENCENTCLOUD_SECRETKEY: DEFAULT_SECRET_KEY,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: OPENID,
    WX_APPID: APPID,
    WX_UNIONID: 'union-1',
    TCB_ENV: DEFAULT_ENV_ID,
  });
  cloud = require('wx-server-sdk');
  cloud.init({ env: DEFAULT_ENV_ID });
});

afterAll(() => server.close());

it('getWXContext reads the caller from WX_CONTEXT_KEYS', () => {
  expect(cloud.getWXContext()).toMatchObject({ OPENID, APPID, UNIONID: 'union-1', ENV: DEFAULT_ENV_ID });
});

describe('cloud.openapi.* (wx.openApi, protobuf)', () => {
  it('security.msgSecCheck returns the v2 result in camelCase', async () => {
    const { result: res, actions } = await actionsDuring(server.emulator, () =>
      cloud.openapi.security.msgSecCheck({ openid: cloud.getWXContext().OPENID, scene: 2, version: 2, content: '这里有代开发票' }),
    );
    expect(actions).toEqual({ 'wx.openApi': 1 });
    expect(res).toMatchObject({
      errCode: 0,
      errMsg: 'openapi.security.msgSecCheck:ok',
      result: { suggest: 'risky', label: 20006 },
      traceId: expect.any(String),
    });
    expect(res.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '代开发票' })]));
  });

  it('throws WeChat errcodes as errCode, and the next call works', async () => {
    await expect(cloud.openapi.security.msgSecCheck({ openid: OPENID, scene: 5, version: 2, content: 'x' })).rejects.toMatchObject({
      errCode: 40129,
      errMsg: expect.stringMatching(/^openapi\.security\.msgSecCheck:fail invalid scene rid: /),
    });
    const ok = await cloud.openapi.security.msgSecCheck({ openid: OPENID, scene: 1, version: 2, content: 'hello' });
    expect(ok.result.suggest).toBe('pass');
  });

  it('wxacode.getUnlimited returns { contentType, buffer } with real PNG bytes', async () => {
    const res = await cloud.openapi.wxacode.getUnlimited({ scene: 'wish=7', page: 'pages/wish/detail', checkPath: false, envVersion: 'develop', width: 280 });
    expect(res.contentType).toBe('image/png');
    expect(Buffer.isBuffer(res.buffer)).toBe(true);
    expect(res.buffer.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(res.buffer).width).toBeGreaterThanOrEqual(279);

    await expect(cloud.openapi.wxacode.getUnlimited({ scene: '中文场景' })).rejects.toMatchObject({ errCode: 40129 });
    await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a'.repeat(33) })).rejects.toMatchObject({ errCode: 40169 });
    await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a=1', page: '/pages/index/index' })).rejects.toMatchObject({ errCode: 41030 });
  });

  it('subscribeMessage.send records the message and validates like WeChat', async () => {
    server.emulator.wx.clearOutbox();
    const res = await cloud.openapi.subscribeMessage.send({
      touser: OPENID,
      templateId: 'TPL_REPORT',
      page: 'pages/report/index',
      miniprogramState: 'developer',
      data: { thing1: { value: '社区报到成功' }, time2: { value: '2024-05-01 09:30' } },
    });
    expect(res.errCode).toBe(0);
    // WeChat msgids have more than 15 digits: wx-server-sdk parses them with json-bigint, then its snake→camel copy
    // flattens the BigNumber into a plain { s, e, c } object. Same as in production; the outbox keeps the number.
    expect(res.msgid).toEqual(expect.objectContaining({ s: 1, e: 15 }));
    expect(server.emulator.wx.outbox()[0].msgid).toEqual(expect.any(Number));
    expect(server.emulator.wx.outbox()).toEqual([
      expect.objectContaining({ touser: OPENID, template_id: 'TPL_REPORT', miniprogram_state: 'developer', data: { thing1: { value: '社区报到成功' }, time2: { value: '2024-05-01 09:30' } } }),
    ]);

    await expect(cloud.openapi.subscribeMessage.send({ touser: OPENID, data: { thing1: { value: 'x' } } })).rejects.toMatchObject({ errCode: 40037 });
    await expect(cloud.openapi.subscribeMessage.send({ templateId: 'T', data: { thing1: { value: 'x' } } })).rejects.toMatchObject({ errCode: 40003 });
    await expect(cloud.openapi.subscribeMessage.send({ touser: OPENID, templateId: 'T', data: { thing1: { value: '这是一段超过二十个字符的很长很长的事物描述' } } })).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringContaining('data.thing1.value invalid'),
    });
    expect(server.emulator.wx.outbox()).toHaveLength(1);
  });

  it('an API the emulator lacks fails with the gateway code -604100', async () => {
    await expect(cloud.openapi.urlscheme.generate({})).rejects.toMatchObject({ errCode: -604100 });
  });
});

describe('cloud.callOpenAPI (wx.api)', () => {
  it('answers through wx.api with the WeChat JSON as result', async () => {
    const { result: res, actions } = await actionsDuring(server.emulator, () =>
      cloud.callOpenAPI({ api: 'security.msgSecCheck', data: { openid: OPENID, scene: 4, version: 2, content: 'review-test-word' } }),
    );
    expect(actions).toEqual({ 'wx.api': 1 });
    expect(res.result).toMatchObject({ errcode: 0, result: { suggest: 'review' } });
  });
});
