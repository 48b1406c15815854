/**
 * Reading WeChat's security.msgSecCheck v2 answer (WeChat content security, v2). Pure, so the rule is tested without WeChat.
 * `risky` is refused; `review` goes to staff; an answer that is not a verdict (an error code, a network failure)
 * also goes to staff rather than publishing unchecked text or blocking the person for WeChat's fault.
 */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** msgSecCheck v2 scenes. */
export const CONTENT_SCENES = { profile: 1, comment: 2, forum: 3, social: 4 } as const;

export function verdictOf(answer: unknown): ContentVerdict {
  const body = answer as { errcode?: unknown; result?: { suggest?: unknown } } | null;
  if (!body || typeof body !== 'object' || body.errcode !== 0) return 'review';
  const suggest = body.result?.suggest;
  return suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
}

export const CONTENT_REJECTED_MESSAGE = '内容含有不当信息，请修改后再提交';
