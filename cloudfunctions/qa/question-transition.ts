import { conflict, notFound } from '../../src/domain/errors';
import type { Question } from '../../src/domain/question-machine';
import { findQuestion, saveQuestion, type QuestionRecord } from '../_shared/repositories/question.repository';

/** `load` of every action on one question: the policy and the machine both need it. */
export async function existingQuestion(input: { id: string }): Promise<QuestionRecord> {
  const q = await findQuestion(input.id);
  if (!q) throw notFound('问题不存在或已删除');
  return q;
}

/** The conditional write of a machine's transition: only onto the state that was read, else CONFLICT. */
export async function commitQuestion(q: QuestionRecord, next: Question): Promise<QuestionRecord> {
  const { _id, ...state } = q;
  if (!(await saveQuestion(_id, state, next))) throw conflict('问题刚被他人处理过，请刷新后重试');
  return { _id, ...next };
}
