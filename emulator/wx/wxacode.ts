import QRCode from 'qrcode';
import type { WxApiHandler } from './api-types';
import { toInteger, WxErrcode, wxError } from './wechat-errors';

/** WeChat: scene is at most 32 visible characters from this set ('%' is not in it, so URL-encoding is no way out). */
export const WXACODE_SCENE_MAX_CHARS = 32;
export const WXACODE_SCENE_PATTERN = /^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~]+$/;
export const WXACODE_WIDTH = { min: 280, max: 1280, default: 430 } as const;
export const WXACODE_ENV_VERSIONS = ['release', 'trial', 'develop'] as const;
export type WxacodeEnvVersion = (typeof WXACODE_ENV_VERSIONS)[number];

/**
 * What the emulator's code encodes. WeChat draws a proprietary "mini-program code" that only WeChat can scan;
 * the emulator draws an ordinary QR code holding this URL instead, so any scanner, test or the dev UI can read
 * back where it leads:
 *
 *   https://mp.weixin.qq.com/a/local?appid=<appid>&page=<page>&scene=<scene>&env_version=<env_version>
 *
 * Query values are form-encoded (URLSearchParams), so `new URL(text).searchParams.get('scene')` gives the scene
 * exactly as it was passed to getUnlimited. `page` is left out when the caller gave none (WeChat then opens the
 * home page). A page opened from such a code receives `options.scene = encodeURIComponent(scene)`, which is why
 * the mini program reads `decodeURIComponent(router.params.scene)`; `parseWxacodeText` returns that value too.
 */
export const WXACODE_TEXT_PREFIX = 'https://mp.weixin.qq.com/a/local';

export interface WxacodeTarget {
  appid: string;
  page?: string;
  scene: string;
  envVersion: WxacodeEnvVersion;
}

export function wxacodeText(target: WxacodeTarget): string {
  const query = new URLSearchParams({ appid: target.appid });
  if (target.page) query.set('page', target.page);
  query.set('scene', target.scene);
  query.set('env_version', target.envVersion);
  return `${WXACODE_TEXT_PREFIX}?${query.toString()}`;
}

/** Reads a scanned emulator code back; undefined for text that is not one. */
export function parseWxacodeText(text: string): (WxacodeTarget & { launchQuery: { scene: string } }) | undefined {
  if (!text.startsWith(`${WXACODE_TEXT_PREFIX}?`)) return undefined;
  const query = new URL(text).searchParams;
  const appid = query.get('appid');
  const scene = query.get('scene');
  const envVersion = query.get('env_version') as WxacodeEnvVersion | null;
  if (!appid || scene === null || !envVersion || !WXACODE_ENV_VERSIONS.includes(envVersion)) return undefined;
  return { appid, page: query.get('page') ?? undefined, scene, envVersion, launchQuery: { scene: encodeURIComponent(scene) } };
}

/**
 * wxacode.getUnlimited: PNG bytes on success, `{ errcode, errmsg }` JSON on bad input, as WeChat answers.
 * `pages` (app.json's page list) enables WeChat's check_path test; without it any well-formed page passes.
 * `published: false` models a mini-program with no released version yet: WeChat then refuses every page with
 * check_path true (41030), which is why the checkin function sends check_path false.
 */
export function createGetUnlimited(options: { pages?: readonly string[]; published?: boolean }): WxApiHandler {
  return async (request, ctx) => {
    const now = ctx.now();
    const scene = request.scene;
    if (typeof scene !== 'string' || scene.length === 0 || Array.from(scene).length > WXACODE_SCENE_MAX_CHARS) {
      return wxError(WxErrcode.invalidSceneLength, 'invalid length for scene, or the data is not json string', now);
    }
    if (!WXACODE_SCENE_PATTERN.test(scene)) return wxError(WxErrcode.invalidScene, 'invalid scene', now);

    // WeChat decodes the body as typed JSON: check_path is a boolean, and "false" or 0 is a data format error, not false.
    if (request.check_path !== undefined && typeof request.check_path !== 'boolean') return wxError(WxErrcode.dataFormatError, 'data format error', now);
    const checkPath = request.check_path !== false;
    const page = request.page;
    if (page !== undefined && page !== null && page !== '') {
      // WeChat: no leading '/', no query string (parameters belong in scene).
      if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return wxError(WxErrcode.invalidPage, 'invalid page', now);
      if (checkPath && options.published === false) return wxError(WxErrcode.invalidPage, 'invalid page', now);
      if (checkPath && options.pages && !options.pages.includes(page)) return wxError(WxErrcode.invalidPage, 'invalid page', now);
    }

    const envVersion = request.env_version ?? 'release';
    if (typeof envVersion !== 'string' || !(WXACODE_ENV_VERSIONS as readonly string[]).includes(envVersion)) {
      return wxError(WxErrcode.invalidArgs, 'invalid args hint: env_version must be release, trial or develop', now);
    }

    // WeChat documents 280–1280 but no errcode for a width outside it, so the emulator clamps instead of failing.
    const requestedWidth = toInteger(request.width) ?? WXACODE_WIDTH.default;
    const width = Math.min(WXACODE_WIDTH.max, Math.max(WXACODE_WIDTH.min, requestedWidth));
    const text = wxacodeText({ appid: ctx.appid, page: typeof page === 'string' && page ? page : undefined, scene, envVersion: envVersion as WxacodeEnvVersion });
    const png = await renderWxacodePng(text, { width, dark: lineColor(request), light: request.is_hyaline === true ? '#ffffff00' : '#ffffffff' });
    return { kind: 'binary', contentType: 'image/png', body: png };
  };
}

/** Draws `text` as a QR code PNG of about `width` pixels square; colours as #rrggbbaa. */
export function renderWxacodePng(text: string, look: { width: number; dark?: string; light?: string }): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    width: look.width,
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: look.dark ?? '#000000ff', light: look.light ?? '#ffffffff' },
    // pngjs' default adaptive filtering tries Paeth on every row: ~5x slower in Node and ~20x under Jest's VM.
    // A QR code's rows repeat in runs of one module, so the Up filter alone compresses them well.
    rendererOpts: { filterType: 2 } as QRCode.QRCodeToBufferOptions['rendererOpts'],
  });
}

/** `line_color: { r, g, b }` applies when auto_color is false (WeChat's rule); anything malformed falls back to black. */
function lineColor(request: Record<string, unknown>): string {
  const color = request.line_color;
  if (request.auto_color === true || !color || typeof color !== 'object') return '#000000ff';
  const channels = ['r', 'g', 'b'].map((c) => toInteger((color as Record<string, unknown>)[c]));
  if (channels.some((v) => v === undefined || v < 0 || v > 255)) return '#000000ff';
  return `#${channels.map((v) => (v as number).toString(16).padStart(2, '0')).join('')}ff`;
}
