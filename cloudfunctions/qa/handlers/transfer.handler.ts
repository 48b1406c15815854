import { invalidArgument } from '../../../src/domain/errors';
import { canHandleQuestion, canReceiveTransfer } from '../../../src/domain/permissions';
import { acceptTransfer as acceptTransferOf, declineTransfer as declineTransferOf, requestTransfer } from '../../../src/domain/question-machine';
import { qaActions, type OrgRef, type QuestionView } from '../../../src/domain/question.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { findUnit } from '../../_shared/repositories/unit.repository';
import { toQuestionView } from '../question-view';
import { transitionQuestion } from '../question-transition';

async function orgOf(type: OrgRef['type'], id: string): Promise<OrgRef> {
  const org = type === 'community' ? await findCommunity(id) : await findUnit(id);
  if (!org) throw invalidArgument([{ field: 'toId', message: type === 'community' ? '转交的社区不存在' : '转交的单位不存在' }]);
  return { type, id: org._id, name: org.name };
}

/** 转交 with a reason; the first receiver stays responsible until the other side accepts. */
export const transfer = defineAction({
  schema: qaActions.transfer,
  access: 'user',
  async handler(input, ctx): Promise<QuestionView> {
    const now = ctx.now();
    const { after, actor } = await transitionQuestion(input.id, ctx, {
      allowed: canHandleQuestion,
      deniedMessage: '只能转交本社区（单位）或本街道的问题',
      apply: async (q) => requestTransfer(q, await orgOf(input.toType, input.toId), input.reason, now),
    });
    return toQuestionView(after, actor, now, {});
  },
});

export const acceptTransfer = defineAction({
  schema: qaActions.acceptTransfer,
  access: 'user',
  async handler(input, ctx): Promise<QuestionView> {
    const now = ctx.now();
    const { after, actor } = await transitionQuestion(input.id, ctx, {
      allowed: canReceiveTransfer,
      deniedMessage: '只有接收单位的工作人员可以接收转交',
      apply: (q) => acceptTransferOf(q, now),
    });
    return toQuestionView(after, actor, now, {});
  },
});

/** The receiver sends it back with a reason; it stays with the first receiver. */
export const declineTransfer = defineAction({
  schema: qaActions.declineTransfer,
  access: 'user',
  async handler(input, ctx): Promise<QuestionView> {
    const now = ctx.now();
    const { after, actor } = await transitionQuestion(input.id, ctx, {
      allowed: canReceiveTransfer,
      deniedMessage: '只有接收单位的工作人员可以退回转交',
      apply: (q) => declineTransferOf(q, input.reason, now),
    });
    return toQuestionView(after, actor, now, {});
  },
});
