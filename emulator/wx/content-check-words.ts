/**
 * TEST WORDS FOR THE LOCAL security.msgSecCheck — NOT A REAL CONTENT FILTER.
 *
 * The emulator cannot judge text the way WeChat's models do. It answers deterministically instead, so tests
 * and the dev UI can drive each branch on purpose:
 *   - text containing any RISKY word  → result.suggest 'risky' with that word's label;
 *   - else text containing any REVIEW word → 'review';
 *   - else 'pass' (label 100).
 * Matching is a case-insensitive substring test over content, nickname, title and signature. The `*-test-word`
 * tokens are the ones to use in tests; the few realistic words are there so a demo behaves plausibly.
 * Production must rely on WeChat's answer, never on this list.
 */

/** result.label / detail[].label values WeChat documents for msgSecCheck v2. */
export const MsgSecCheckLabel = {
  normal: 100,
  ad: 10001,
  politics: 20001,
  porn: 20002,
  abuse: 20003,
  illegal: 20006,
  fraud: 20008,
  vulgar: 20012,
  copyright: 20013,
  other: 21000,
} as const;

export interface ContentCheckWord {
  word: string;
  label: number;
}

export const DEFAULT_RISKY_WORDS: readonly ContentCheckWord[] = [
  { word: 'risky-test-word', label: MsgSecCheckLabel.illegal },
  { word: '赌博', label: MsgSecCheckLabel.illegal },
  { word: '代开发票', label: MsgSecCheckLabel.illegal },
  { word: '刷单返利', label: MsgSecCheckLabel.fraud },
];

export const DEFAULT_REVIEW_WORDS: readonly ContentCheckWord[] = [
  { word: 'review-test-word', label: MsgSecCheckLabel.other },
  { word: '加V私聊', label: MsgSecCheckLabel.ad },
];
