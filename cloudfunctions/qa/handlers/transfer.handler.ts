import { invalidArgument } from '../../../src/domain/errors';
import { canAcceptTransfer, canDeclineTransfer, canTransferQuestion } from '../../../src/domain/question.policy';
import { acceptTransfer as acceptTransferOf, declineTransfer as declineTransferOf, requestTransfer } from '../../../src/domain/question-machine';
import { qaActions, type OrgRef, type QuestionView } from '../../../src/domain/question.schema';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { findUnit } from '../../_shared/repositories/unit.repository';
import { toQuestionView } from '../question-view';
import { commitQuestion, existingQuestion } from '../question-transition';

async function orgOf(type: OrgRef['type'], id: string): Promise<OrgRef> {
  const org = type === 'community' ? await findCommunity(id) : await findUnit(id);
  if (!org) throw invalidArgument([{ field: 'toId', message: type === 'community' ? '转交的社区不存在' : '转交的单位不存在' }]);
  return { type, id: org._id, name: org.name };
}

/** 转交 with a reason; the first receiver stays responsible until the other side accepts. */
export const transfer = defineAction({
  schema: qaActions.transfer,
  access: 'user',
  load: existingQuestion,
  authorize: canTransferQuestion,
  async handler(input, ctx, q): Promise<QuestionView> {
    const now = ctx.now();
    const after = await commitQuestion(q, requestTransfer(q, await orgOf(input.toType, input.toId), input.reason, now));
    return toQuestionView(after, await ctx.actor(), now);
  },
});

export const acceptTransfer = defineAction({
  schema: qaActions.acceptTransfer,
  access: 'user',
  load: existingQuestion,
  authorize: canAcceptTransfer,
  async handler(_input, ctx, q): Promise<QuestionView> {
    const now = ctx.now();
    const after = await commitQuestion(q, acceptTransferOf(q, now));
    return toQuestionView(after, await ctx.actor(), now);
  },
});

/** The receiver sends it back with a reason; it stays with the first receiver. */
export const declineTransfer = defineAction({
  schema: qaActions.declineTransfer,
  access: 'user',
  load: existingQuestion,
  authorize: canDeclineTransfer,
  async handler(input, ctx, q): Promise<QuestionView> {
    const now = ctx.now();
    const after = await commitQuestion(q, declineTransferOf(q, input.reason, now));
    return toQuestionView(after, await ctx.actor(), now);
  },
});
