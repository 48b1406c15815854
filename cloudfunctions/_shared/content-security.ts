import { CONTENT_REJECTED_MESSAGE, verdictOf, type ContentVerdict } from '../../src/domain/content-check';
import { AppError, ErrorCode } from '../../src/domain/errors';
import { callWxOpenApi } from './wx-openapi';

/** WeChat's limit for one msgSecCheck call. */
const MAX_CHARS = 2500;

/**
 * Checks user text with WeChat's security.msgSecCheck (v2) before anyone else sees it.
 * Returns 'pass' or 'review' (staff must look first); throws CONTENT_REJECTED for risky text.
 * `scene`: 1 资料, 2 评论, 3 论坛, 4 社交日志 (CONTENT_SCENES). `fields`: the payload fields the text came from; a
 * refusal names them in `details.issues`, so the form says it beside them and keeps what was typed.
 */
export async function checkText(openid: string, text: string, scene: 1 | 2 | 3 | 4, fields: readonly string[] = []): Promise<Exclude<ContentVerdict, 'risky'>> {
  const content = [...text].slice(0, MAX_CHARS).join('');
  let verdict: ContentVerdict;
  try {
    const answer = await callWxOpenApi('security.msgSecCheck', { version: 2, openid, scene, content });
    verdict = verdictOf(answer.kind === 'json' ? answer.body : undefined);
  } catch (error) {
    // WeChat unreachable: a person should not be blocked for it, and unchecked text must not go public either.
    console.error('[content-security] msgSecCheck failed, sending to staff review', error);
    verdict = 'review';
  }
  if (verdict === 'risky') {
    const issues = fields.map((field) => ({ field, message: CONTENT_REJECTED_MESSAGE }));
    throw new AppError(ErrorCode.CONTENT_REJECTED, CONTENT_REJECTED_MESSAGE, issues.length ? { issues } : undefined);
  }
  return verdict;
}
