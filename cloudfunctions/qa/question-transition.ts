import { conflict, forbidden, notFound } from '../../src/domain/errors';
import type { Question } from '../../src/domain/question-machine';
import type { Actor } from '../../src/domain/roles';
import type { ActionContext } from '../_shared/define-function';
import { findQuestion, saveQuestion, type QuestionRecord } from '../_shared/repositories/question.repository';

export interface Transition {
  /** The named permission for this question, checked with the loaded document before anything is written. */
  allowed: (actor: Actor, q: QuestionRecord) => boolean;
  deniedMessage: string;
  /** The domain transition: the next state, or the AppError that explains why not. */
  apply: (q: QuestionRecord, actor: Actor) => Question | Promise<Question>;
}

/** Load → may they → transition → conditional write: two round trips plus the caller's own read. */
export async function transitionQuestion(id: string, ctx: ActionContext, t: Transition): Promise<{ before: QuestionRecord; after: QuestionRecord; actor: Actor }> {
  const [q, actor] = await Promise.all([findQuestion(id), ctx.actor()]);
  if (!q) throw notFound('问题不存在或已删除');
  if (!t.allowed(actor, q)) throw forbidden(t.deniedMessage);
  const { _id, ...state } = q;
  const next = await t.apply(q, actor);
  if (!(await saveQuestion(_id, state, next))) throw conflict('问题刚被他人处理过，请刷新后重试');
  return { before: q, after: { _id, ...next }, actor };
}
