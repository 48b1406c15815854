import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { isAskerOf } from '../../../src/domain/permissions';
import { followUpQuestion, rateQuestion } from '../../../src/domain/question-machine';
import { qaActions, type QuestionView } from '../../../src/domain/question.schema';
import { checkText } from '../../_shared/content-security';
import { defineAction } from '../../_shared/define-function';
import { toQuestionView } from '../question-view';
import { transitionQuestion } from '../question-transition';

const DENIED = '只能对自己提出的问题追问或评价';

/** One follow-up question; text a reviewer must see first keeps it off the public page until staff answer. */
export const followUp = defineAction({
  schema: qaActions.followUp,
  access: 'user',
  idempotent: true,
  async handler(input, ctx): Promise<QuestionView> {
    const now = ctx.now();
    const { after, actor } = await transitionQuestion(input.id, ctx, {
      allowed: isAskerOf,
      deniedMessage: DENIED,
      async apply(q) {
        const next = followUpQuestion(q, input.content, now);
        const verdict = await checkText(ctx.openid, input.content, CONTENT_SCENES.forum);
        return verdict === 'review' ? { ...next, needsReview: true, publicListed: false } : next;
      },
    });
    return toQuestionView(after, actor, now, {});
  },
});

/** 满意 / 基本满意 / 不满意; the first 不满意 reopens it. */
export const rate = defineAction({
  schema: qaActions.rate,
  access: 'user',
  idempotent: true,
  async handler(input, ctx): Promise<QuestionView> {
    const now = ctx.now();
    const { after, actor } = await transitionQuestion(input.id, ctx, {
      allowed: isAskerOf,
      deniedMessage: DENIED,
      async apply(q) {
        const next = rateQuestion(q, input.rating, input.comment, now);
        if (input.comment) await checkText(ctx.openid, input.comment, CONTENT_SCENES.comment);
        return next;
      },
    });
    return toQuestionView(after, actor, now, {});
  },
});
