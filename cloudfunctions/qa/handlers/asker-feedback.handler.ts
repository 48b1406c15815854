import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { canGiveFeedback } from '../../../src/domain/question.policy';
import { followUpQuestion, rateQuestion } from '../../../src/domain/question-machine';
import { qaActions, type QuestionView } from '../../../src/domain/question.schema';
import { checkText } from '../../_shared/content-security';
import { defineAction } from '../../_shared/define-function';
import { holidayCalendar } from '../../_shared/holiday-calendar';
import { toQuestionView } from '../question-view';
import { commitQuestion, existingQuestion } from '../question-transition';

const askerOnly = { access: 'user' as const, load: existingQuestion, authorize: canGiveFeedback };

/** One follow-up question; text a reviewer must see first keeps it off the public page until staff answer. */
export const followUp = defineAction({
  schema: qaActions.followUp,
  ...askerOnly,
  idempotent: true,
  async handler(input, ctx, q): Promise<QuestionView> {
    const now = ctx.now();
    const next = followUpQuestion(q, input.content, now, await holidayCalendar());
    const verdict = await checkText(ctx.openid, input.content, CONTENT_SCENES.forum, ['content']);
    const after = await commitQuestion(q, verdict === 'review' ? { ...next, needsReview: true, publicListed: false } : next);
    return toQuestionView(after, await ctx.actor(), now);
  },
});

/** 满意 / 基本满意 / 不满意; the first 不满意 reopens it. */
export const rate = defineAction({
  schema: qaActions.rate,
  ...askerOnly,
  idempotent: true,
  async handler(input, ctx, q): Promise<QuestionView> {
    const now = ctx.now();
    const next = rateQuestion(q, input.rating, input.comment, now, await holidayCalendar());
    if (input.comment) await checkText(ctx.openid, input.comment, CONTENT_SCENES.comment, ['comment']);
    const after = await commitQuestion(q, next);
    return toQuestionView(after, await ctx.actor(), now);
  },
});
