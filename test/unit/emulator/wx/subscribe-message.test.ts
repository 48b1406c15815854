import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WxContext } from '../../../../emulator/wx/api-types';
import { WxEmulator, type WxEmulatorOptions } from '../../../../emulator/wx/index';

const ctx: WxContext = { appid: 'wx-unit', now: () => new Date('2024-05-01T08:00:00.000Z') };
const base = { touser: 'o-user', template_id: 'TPL_A', data: { thing1: { value: '认领成功' } } };

async function send(wx: WxEmulator, request: Record<string, unknown>) {
  return ((await wx.callApi('subscribeMessage.send', request, ctx)) as { body: any }).body;
}

/** An emulator where o-user has granted TPL_A `count` times, as after tapping 允许. */
function granted(count = 10, options: WxEmulatorOptions = {}) {
  const wx = new WxEmulator(options);
  wx.grantSubscription('o-user', 'TPL_A', count);
  return wx;
}

describe('subscribeMessage.send', () => {
  it('records a valid message with its timestamp and answers a msgid', async () => {
    const wx = granted();
    const body = await send(wx, { ...base, page: 'pages/index/index?x=1', lang: 'en_US', data: { thing1: { value: '认领成功' }, number2: { value: 3 } } });
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    expect(wx.outbox()).toEqual([
      {
        msgid: body.msgid,
        timestamp: '2024-05-01T08:00:00.000Z',
        appid: 'wx-unit',
        touser: 'o-user',
        template_id: 'TPL_A',
        page: 'pages/index/index?x=1',
        lang: 'en_US',
        data: { thing1: { value: '认领成功' }, number2: { value: '3' } },
      },
    ]);
    const second = await send(wx, base);
    expect(second.msgid).toBeGreaterThan(body.msgid);
  });

  it('accepts data sent as a JSON string, as WeChat does', async () => {
    const wx = granted();
    expect((await send(wx, { ...base, data: JSON.stringify(base.data) })).errcode).toBe(0);
  });

  it.each<[string, Record<string, unknown>, number, RegExp]>([
    ['no touser', { touser: undefined }, 40003, /^invalid openid/],
    ['empty template_id', { template_id: ' ' }, 40037, /^invalid template_id/],
    ['no data', { data: undefined }, 47003, /^argument invalid! data is empty/],
    ['empty data', { data: {} }, 47003, /^argument invalid! data is empty/],
    ['value missing', { data: { thing1: {} } }, 47003, /^argument invalid! data\.thing1\.value is empty/],
    ['value an object', { data: { thing1: { value: { a: 1 } } } }, 47003, /^argument invalid! data\.thing1\.value is empty/],
    ['thing too long', { data: { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } } }, 47003, /^argument invalid! data\.thing1\.value invalid/],
    ['bad miniprogram_state', { miniprogram_state: 'prod' }, 47003, /miniprogram_state/],
    ['bad lang', { lang: 'fr' }, 47003, /lang/],
  ])('%s → %i', async (_name, fields, errcode, errmsg) => {
    const wx = granted();
    const body = await send(wx, { ...base, ...fields });
    expect(body.errcode).toBe(errcode);
    expect(body.errmsg).toMatch(errmsg);
    expect(wx.outbox()).toEqual([]);
  });

  describe('with app pages and templates configured', () => {
    const options: WxEmulatorOptions = { pages: ['pages/index/index', 'pages/wish/detail'], templates: { TPL_A: ['thing1', 'time2'] } };
    const full = { ...base, data: { thing1: { value: '认领成功' }, time2: { value: '09:30' } } };

    it('checks the page path (query and leading slash aside), the template id and its keys', async () => {
      const wx = granted(10, options);
      wx.grantSubscription('o-user', 'TPL_OTHER');
      expect((await send(wx, { ...full, page: '/pages/wish/detail?id=3' })).errcode).toBe(0);
      expect((await send(wx, { ...full, page: 'pages/missing/index' })).errcode).toBe(41030);
      expect((await send(wx, { ...full, template_id: 'TPL_OTHER' })).errcode).toBe(40037);
      expect((await send(wx, base)).errmsg).toMatch(/^argument invalid! data\.time2\.value is empty/);
      expect(wx.outbox()).toHaveLength(1);
    });
  });

  describe('subscriptions (always enforced, as on WeChat)', () => {
    it('needs one grant per message and answers 43101 without one', async () => {
      const wx = new WxEmulator();
      expect(await send(wx, base)).toEqual({ errcode: 43101, errmsg: expect.stringMatching(/^user refuse to accept the msg/) });
      wx.grantSubscription('o-user', 'TPL_A');
      expect((await send(wx, base)).errcode).toBe(0);
      expect((await send(wx, base)).errcode).toBe(43101);
      wx.grantSubscription('o-user', 'TPL_A', 2);
      expect((await send(wx, base)).errcode).toBe(0);
      expect((await send(wx, base)).errcode).toBe(0);
      expect(wx.outbox()).toHaveLength(3);
    });

    it('keeps a grant to its user and template', async () => {
      const wx = new WxEmulator();
      wx.grantSubscription('o-user', 'TPL_A');
      expect((await send(wx, { ...base, touser: 'o-other' })).errcode).toBe(43101);
      expect((await send(wx, { ...base, template_id: 'TPL_B' })).errcode).toBe(43101);
      expect(wx.subscriptions()).toEqual([{ openid: 'o-user', templateId: 'TPL_A', remaining: 1 }]);
      expect((await send(wx, base)).errcode).toBe(0);
      expect(wx.subscriptions()).toEqual([]);
    });

    it('does not spend a grant on a message WeChat would refuse anyway', async () => {
      const wx = new WxEmulator();
      wx.grantSubscription('o-user', 'TPL_A');
      expect((await send(wx, { ...base, data: { phrase1: { value: 'abc' } } })).errcode).toBe(47003);
      expect((await send(wx, base)).errcode).toBe(0);
    });

    it('refuses a grant of no message', () => {
      expect(() => new WxEmulator().grantSubscription('o-user', 'TPL_A', 0)).toThrow(RangeError);
    });

    it('keeps grants across a restart when given a file', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wx-grants-'));
      try {
        const grantsFile = path.join(dir, 'nested', 'subscriptions.jsonl');
        const first = new WxEmulator({ grantsFile });
        first.grantSubscription('o-user', 'TPL_A', 2);
        expect((await send(first, base)).errcode).toBe(0);
        fs.appendFileSync(grantsFile, '{"openid":"o-user","templ');
        const second = new WxEmulator({ grantsFile });
        expect(second.subscriptions()).toEqual([{ openid: 'o-user', templateId: 'TPL_A', remaining: 1 }]);
        expect((await send(second, base)).errcode).toBe(0);
        expect((await send(second, base)).errcode).toBe(43101);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
