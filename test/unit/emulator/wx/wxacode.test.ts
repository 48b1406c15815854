import type { WxContext } from '../../../../emulator/wx/api-types';
import { WxEmulator } from '../../../../emulator/wx/index';
import { createGetUnlimited, parseWxacodeText, wxacodeText } from '../../../../emulator/wx/wxacode';
import { pngSize } from '../../../integration/emulator/wx/helpers/png';

const ctx: WxContext = { appid: 'wx-unit', now: () => new Date() };

async function getUnlimited(wx: WxEmulator, request: Record<string, unknown>) {
  return wx.callApi('wxacode.getUnlimited', request, ctx);
}

describe('wxacode text', () => {
  it('puts appid, page, scene and env_version in a URL that reads back unchanged', () => {
    const scene = "id=7&t=a/b:c;d@e!#$'()*+,?-._~";
    const text = wxacodeText({ appid: 'wx-unit', page: 'pages/wish/detail', scene, envVersion: 'trial' });
    expect(text.startsWith('https://mp.weixin.qq.com/a/local?')).toBe(true);
    const url = new URL(text);
    expect(url.searchParams.get('scene')).toBe(scene);
    expect(url.searchParams.get('page')).toBe('pages/wish/detail');
    expect(parseWxacodeText(text)).toEqual({
      appid: 'wx-unit',
      page: 'pages/wish/detail',
      scene,
      envVersion: 'trial',
      // What the opened page gets in options.scene, hence decodeURIComponent in the mini program.
      launchQuery: { scene: encodeURIComponent(scene) },
    });
  });

  it('leaves page out when none was given, and rejects foreign text', () => {
    const text = wxacodeText({ appid: 'wx-unit', scene: 'a=1', envVersion: 'release' });
    expect(new URL(text).searchParams.has('page')).toBe(false);
    expect(parseWxacodeText(text)?.page).toBeUndefined();
    expect(parseWxacodeText('https://example.com/?scene=1')).toBeUndefined();
  });
});

describe('wxacode.getUnlimited', () => {
  const wx = new WxEmulator();

  it('draws a PNG of the requested width, clamped to 280–1280, default 430', async () => {
    for (const [width, expected] of [[undefined, 430], [100, 280], [2000, 1280], ['600', 600]] as const) {
      const answer = await getUnlimited(wx, { scene: 'a=1', width });
      if (answer.kind !== 'binary') throw new Error(JSON.stringify(answer.body));
      expect(answer.contentType).toBe('image/png');
      const size = pngSize(answer.body);
      expect(size.width).toBe(size.height);
      expect(Math.abs(size.width - expected)).toBeLessThanOrEqual(1);
    }
  });

  it.each<[string, Record<string, unknown>, number]>([
    ['no scene', {}, 40169],
    ['empty scene', { scene: '' }, 40169],
    ['33-character scene', { scene: 'a'.repeat(33) }, 40169],
    ['scene with %', { scene: 'a%3D1' }, 40129],
    ['scene with a space', { scene: 'a 1' }, 40129],
    ['scene with Chinese', { scene: '报到' }, 40129],
    ['page with leading /', { scene: 'a', page: '/pages/index/index' }, 41030],
    ['page with a query', { scene: 'a', page: 'pages/index/index?x=1' }, 41030],
    ['unknown env_version', { scene: 'a', env_version: 'beta' }, 40097],
    ['env_version not a string', { scene: 'a', env_version: 1 }, 40097],
    ['check_path as the string "false"', { scene: 'a', page: 'pages/index/index', check_path: 'false' }, 47001],
    ['check_path as 0', { scene: 'a', check_path: 0 }, 47001],
  ])('%s → %i', async (_name, request, errcode) => {
    const answer = await getUnlimited(wx, request);
    expect(answer).toMatchObject({ kind: 'json', body: { errcode } });
  });

  it('accepts exactly 32 allowed characters', async () => {
    expect((await getUnlimited(wx, { scene: "abc!#$&'()*+,/:;=?@-._~0123456789" .slice(0, 32) })).kind).toBe('binary');
  });

  it('checks page against app pages unless check_path is false', async () => {
    const strict = new WxEmulator({ pages: ['pages/index/index'] });
    expect((await getUnlimited(strict, { scene: 'a', page: 'pages/index/index' })).kind).toBe('binary');
    expect(await getUnlimited(strict, { scene: 'a', page: 'pages/draft/index' })).toMatchObject({ body: { errcode: 41030 } });
    expect((await getUnlimited(strict, { scene: 'a', page: 'pages/draft/index', check_path: false })).kind).toBe('binary');
  });

  it('before the first release refuses every page unless check_path is false, and encodes env_version', async () => {
    const unpublished = createGetUnlimited({ pages: ['pages/checkin/index'], published: false });
    expect(await unpublished({ scene: 'c-1', page: 'pages/checkin/index' }, ctx)).toMatchObject({ kind: 'json', body: { errcode: 41030 } });
    expect(await unpublished({ scene: 'c-1', page: 'pages/checkin/index', check_path: true }, ctx)).toMatchObject({ kind: 'json', body: { errcode: 41030 } });
    const trial = await unpublished({ scene: 'c-1', page: 'pages/checkin/index', check_path: false, env_version: 'trial' }, ctx);
    expect(trial).toMatchObject({ kind: 'binary', contentType: 'image/png' });
  });

  it('draws a transparent background for is_hyaline (RGBA PNG, colour type 6)', async () => {
    const answer = await getUnlimited(wx, { scene: 'a', is_hyaline: true, line_color: { r: 200, g: 0, b: 0 } });
    if (answer.kind !== 'binary') throw new Error('expected an image');
    expect(answer.body[25]).toBe(6);
  });
});
