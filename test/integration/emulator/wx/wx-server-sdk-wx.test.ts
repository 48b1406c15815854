/**
 * Drives the real wx-server-sdk (which bundles its own @cloudbase/node-sdk 3.17) against the wx emulator:
 * - cloud.openapi.<ns>.<api>(data) → wx.openApi with a CommApiData protobuf; the answer is a CommOpenApiResp
 * - cloud.callOpenAPI({ api, data }) → wx.api
 * - cloud.getWXContext() reads WX_* variables named in WX_CONTEXT_KEYS (set by the function host)
 * - cloud calls carry the function's WX_API_TOKEN; the emulator checks its deployed config.json's permissions.openapi
 */
import { DEFAULT_ENV_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../../emulator/config';
import type { RunningEmulator } from '../../../../emulator/server';
import { startTestEmulator } from '../../../helpers/emulator-sdk';
import { callWxOpenApi as projectCall, encodeCommApiData as projectEncode } from '../../../../cloudfunctions/_shared/wx-openapi';
import { actionsDuring } from './helpers/actions';
import { callAsFunction, functionsDeclaring } from './helpers/cloud-call';
import { PNG_SIGNATURE, pngSize } from './helpers/png';

const OPENID = 'o-wx-server-sdk-user';
const APPID = 'wx-appid-of-function';

let server: RunningEmulator;
let cloud: any;

beforeAll(async () => {
  // The real emulator server, verifying signatures with the local secret.
  const functionsDir = functionsDeclaring({ 'wx-caller': ['security.msgSecCheck', 'wxacode.getUnlimited', 'subscribeMessage.send'], 'declares-nothing': [] });
  server = await startTestEmulator(':memory:', { functionsDir });
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
  callAsFunction('wx-caller');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the function context is set, as CloudBase loads a function
  cloud = require('wx-server-sdk');
  cloud.init({ env: DEFAULT_ENV_ID });
});

afterAll(() => {
  callAsFunction(null);
  return server.close();
});

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
    server.emulator.wx.grantSubscription(OPENID, 'TPL_REPORT');
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

describe("the project's wx-openapi.ts sends wx-server-sdk's wire form", () => {
  /** The requestData bytes of every wx.openApi call `fn` makes. */
  async function bodiesSent(fn: () => Promise<unknown>): Promise<Buffer[]> {
    const spy = jest.spyOn(server.emulator.wx, 'handleWxOpenApi');
    try {
      await fn().catch(() => undefined);
      return spy.mock.calls.map(([req]) => req.fields?.requestData as Buffer);
    } finally {
      spy.mockRestore();
    }
  }

  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['security', 'msgSecCheck', { openid: OPENID, scene: 2, version: 2, content: '今天天气不错' }],
    ['wxacode', 'getUnlimited', { scene: 'c=1', page: 'pages/checkin/index', width: 430 }],
    ['subscribeMessage', 'send', { touser: OPENID, template_id: 'TPL_REPORT', page: 'pages/index/index', data: { thing1: { value: '报到' } } }],
  ];

  it.each(cases)('%s.%s: byte for byte', async (ns, api, data) => {
    const [official] = await bodiesSent(() => cloud.openapi[ns][api](data));
    expect(Buffer.isBuffer(official)).toBe(true);
    expect(projectEncode(data).equals(official)).toBe(true);
  });

  it('decodes the answers: WeChat JSON, PNG bytes, WeChat errcodes, gateway refusals', async () => {
    const check = await projectCall('security.msgSecCheck', { openid: OPENID, scene: 2, version: 2, content: '一起去赌博吧' });
    expect(check).toMatchObject({ kind: 'json', body: { errcode: 0, result: { suggest: 'risky' } } });
    const png = await projectCall('wxacode.getUnlimited', { scene: 'c=1', page: 'pages/index/index' });
    expect(png.kind === 'binary' && png.buffer.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(await projectCall('wxacode.getUnlimited', { scene: 'a'.repeat(33) })).toMatchObject({ kind: 'json', body: { errcode: 40169 } });
    callAsFunction('declares-nothing');
    try {
      await expect(projectCall('security.msgSecCheck', { openid: OPENID, scene: 1, version: 2, content: 'x' })).rejects.toMatchObject({
        name: 'WxOpenApiError',
        errcode: -604101,
        message: expect.stringContaining('function has no permission to call this API'),
      });
    } finally {
      callAsFunction('wx-caller');
    }
  });
});

describe('cloud-call permissions (wx-server-sdk)', () => {
  afterEach(() => callAsFunction('wx-caller'));

  it('an API the function did not declare fails with errCode -604101, and the server keeps serving', async () => {
    callAsFunction('declares-nothing');
    await expect(cloud.openapi.security.msgSecCheck({ openid: OPENID, scene: 1, version: 2, content: 'hello' })).rejects.toMatchObject({
      errCode: -604101,
      errMsg: expect.stringContaining('-604101'),
    });
    callAsFunction('wx-caller');
    expect((await cloud.openapi.security.msgSecCheck({ openid: OPENID, scene: 1, version: 2, content: 'hello' })).result.suggest).toBe('pass');
  });

  it('a call from outside any function fails with errCode -604104', async () => {
    callAsFunction(null);
    await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a=1' })).rejects.toMatchObject({ errCode: -604104 });
  });
});
