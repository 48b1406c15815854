import type { WxApiHandler } from './api-types';
import { type ContentCheckWord, MsgSecCheckLabel } from './content-check-words';
import { charCount, isPlausibleOpenid, newWxRequestId, toInteger, WxErrcode, wxError, wxOk } from './wechat-errors';

/** WeChat: "文本字数的上限为 2500 字". */
export const MSG_SEC_CHECK_MAX_CHARS = 2500;

export type Suggest = 'pass' | 'review' | 'risky';

export interface ContentVerdict {
  suggest: Suggest;
  label: number;
  /** The list word that decided a review/risky verdict. */
  keyword?: string;
}

/** Deterministic verdict from the two word lists (see content-check-words.ts): risky beats review beats pass. */
export function judgeContent(texts: readonly string[], risky: readonly ContentCheckWord[], review: readonly ContentCheckWord[]): ContentVerdict {
  const haystack = texts.join('\n').toLowerCase();
  const hit = (words: readonly ContentCheckWord[]) => words.find((w) => w.word && haystack.includes(w.word.toLowerCase()));
  const riskyHit = hit(risky);
  if (riskyHit) return { suggest: 'risky', label: riskyHit.label, keyword: riskyHit.word };
  const reviewHit = hit(review);
  if (reviewHit) return { suggest: 'review', label: reviewHit.label, keyword: reviewHit.word };
  return { suggest: 'pass', label: MsgSecCheckLabel.normal };
}

/**
 * security.msgSecCheck. v2 (`version: 2`) answers `{ errcode: 0, errmsg: 'ok', result: { suggest, label }, detail, trace_id }`
 * and never fails on content; v1 (no version) answers errcode 87014 for risky text, as WeChat still does.
 */
export function createMsgSecCheck(words: { risky: readonly ContentCheckWord[]; review: readonly ContentCheckWord[] }): WxApiHandler {
  return (request, ctx) => {
    const now = ctx.now();
    const version = request.version === undefined ? 1 : toInteger(request.version);
    if (version !== 1 && version !== 2) return wxError(WxErrcode.dataFormatError, 'data format error hint: version must be 2', now);
    if (version === 2) {
      if (!isPlausibleOpenid(request.openid)) return wxError(WxErrcode.invalidOpenid, 'invalid openid', now);
      const scene = toInteger(request.scene);
      if (scene === undefined || scene < 1 || scene > 4) return wxError(WxErrcode.invalidScene, 'invalid scene', now);
    }

    const content = request.content;
    if (content === undefined || content === null) return wxError(WxErrcode.emptyPostData, 'empty post data hint: content is required', now);
    if (typeof content !== 'string') return wxError(WxErrcode.dataFormatError, 'data format error hint: content must be a string', now);
    if (content === '') return wxError(WxErrcode.emptyPostData, 'empty post data hint: content is empty', now);
    // WeChat does not document the code for over-long text; 47001 (data format) is the closest documented one.
    if (charCount(content) > MSG_SEC_CHECK_MAX_CHARS) {
      return wxError(WxErrcode.dataFormatError, `data format error hint: content exceeds ${MSG_SEC_CHECK_MAX_CHARS} characters`, now);
    }

    if (version === 1) {
      const verdict = judgeContent([content], words.risky, []);
      return verdict.suggest === 'risky' ? wxError(WxErrcode.riskyContent, 'risky content', now) : wxOk();
    }

    const extras: string[] = [];
    for (const field of ['nickname', 'title', 'signature'] as const) {
      const value = request[field];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') return wxError(WxErrcode.dataFormatError, `data format error hint: ${field} must be a string`, now);
      extras.push(value);
    }

    const verdict = judgeContent([content, ...extras], words.risky, words.review);
    const hit = verdict.suggest !== 'pass';
    return wxOk({
      result: { suggest: verdict.suggest, label: verdict.label },
      // Same two strategies a real answer lists; the keyword one carries the list word that decided.
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: verdict.suggest === 'review' ? 60 : 90 },
        hit ? { strategy: 'keyword', errcode: 0, suggest: verdict.suggest, label: verdict.label, keyword: verdict.keyword } : { strategy: 'keyword', errcode: 0 },
      ],
      trace_id: newWxRequestId(now),
    });
  };
}
