import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WxApiHandler } from './api-types';
import { isPlausibleOpenid, newWxRequestId, toInteger, WxErrcode, wxError, wxOk } from './wechat-errors';

/**
 * security.mediaCheckAsync (v2). WeChat answers at once with a trace_id, downloads `media_url` itself and pushes the
 * verdict later as the `wxa_media_check` event to wherever the mini-program's 消息推送 routes it. Here the verdict
 * is deterministic: `risky` for images whose SHA-256 is in emulator/media-check-risky.json, else `pass`; an image that
 * cannot be downloaded gets `risky` with the download's errcode in `detail` (never more lenient than WeChat).
 */

/** The documented list of test image hashes that come back risky. */
const RISKY_LIST_FILE = path.resolve(__dirname, '../media-check-risky.json');

export function loadRiskyMediaHashes(file = RISKY_LIST_FILE): string[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { sha256?: unknown };
  if (!Array.isArray(parsed.sha256) || !parsed.sha256.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) {
    throw new Error(`${file}: sha256 must be a list of lowercase hex SHA-256 digests`);
  }
  return parsed.sha256 as string[];
}

/** The push WeChat sends (payload as WeChat documents it; `FromUserName` is the user the check was made for). */
export interface MediaCheckPush {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: 'event';
  Event: 'wxa_media_check';
  appid: string;
  trace_id: string;
  version: 2;
  result: { suggest: 'pass' | 'risky'; label: number };
  detail: Array<Record<string, unknown>>;
}

export interface MediaCheckOptions {
  riskySha256: readonly string[];
  /** Delivery of the push; the emulator's server routes it to the function cloudbaserc.json → messagePush names. */
  push: (event: MediaCheckPush) => Promise<void>;
  /** Milliseconds between the answer and the push (WeChat: up to 30 minutes). */
  delayMs: number;
}

const MEDIA_TYPE_IMAGE = 2;
const MEDIA_TYPE_AUDIO = 1;
/** WeChat: "单个文件大小不超过 10M". */
const MAX_BYTES = 10 * 1024 * 1024;

/** The handler, and a way to drop the pushes not yet delivered (the emulator is closing: nothing is left to receive them). */
export interface MediaCheckAsync {
  handler: WxApiHandler;
  cancelPending(): void;
}

export function createMediaCheckAsync(options: MediaCheckOptions): MediaCheckAsync {
  const risky = new Set(options.riskySha256);
  const pending = new Set<ReturnType<typeof setTimeout>>();
  let cancelled = false;
  const handler: WxApiHandler = (request, ctx) => {
    const now = ctx.now();
    const mediaUrl = request.media_url;
    if (mediaUrl === undefined || mediaUrl === null || mediaUrl === '') return wxError(WxErrcode.emptyPostData, 'empty post data hint: media_url is required', now);
    if (typeof mediaUrl !== 'string' || !/^https?:\/\//.test(mediaUrl)) return wxError(WxErrcode.invalidArgs, 'invalid args hint: media_url must be an http(s) url', now);
    const mediaType = toInteger(request.media_type);
    if (mediaType !== MEDIA_TYPE_IMAGE && mediaType !== MEDIA_TYPE_AUDIO) return wxError(WxErrcode.invalidArgs, 'invalid args hint: media_type must be 1 or 2', now);
    if (toInteger(request.version) !== 2) return wxError(WxErrcode.dataFormatError, 'data format error hint: version must be 2', now);
    if (!isPlausibleOpenid(request.openid)) return wxError(WxErrcode.invalidOpenid, 'invalid openid', now);
    const scene = toInteger(request.scene);
    if (scene === undefined || scene < 1 || scene > 4) return wxError(WxErrcode.invalidScene, 'invalid scene', now);

    const traceId = newWxRequestId(now);
    const openid = request.openid;
    const appid = ctx.appid;
    const timer = setTimeout(() => {
      pending.delete(timer);
      void judge(mediaUrl, risky)
        .then((verdict) =>
          cancelled ? undefined : options.push({
            ToUserName: `gh_${appid}`,
            FromUserName: openid,
            CreateTime: Math.floor(ctx.now().getTime() / 1000),
            MsgType: 'event',
            Event: 'wxa_media_check',
            appid,
            trace_id: traceId,
            version: 2,
            result: { suggest: verdict.suggest, label: verdict.label },
            detail: [{ strategy: 'content_model', errcode: verdict.errcode, suggest: verdict.suggest, label: verdict.label, prob: 90 }],
          }),
        )
        .catch((error) => console.error('[emulator] wxa_media_check push failed', error));
    }, options.delayMs);
    timer.unref?.();
    pending.add(timer);
    return wxOk({ trace_id: traceId });
  };
  return {
    handler,
    cancelPending() {
      cancelled = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}

async function judge(url: string, risky: ReadonlySet<string>): Promise<{ suggest: 'pass' | 'risky'; label: number; errcode: number }> {
  try {
    const response = await fetch(url);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok || bytes.length === 0 || bytes.length > MAX_BYTES) return { suggest: 'risky', label: 20001, errcode: -1 };
    const digest = createHash('sha256').update(bytes).digest('hex');
    return risky.has(digest) ? { suggest: 'risky', label: 20002, errcode: 0 } : { suggest: 'pass', label: 100, errcode: 0 };
  } catch {
    return { suggest: 'risky', label: 20001, errcode: -1 };
  }
}
