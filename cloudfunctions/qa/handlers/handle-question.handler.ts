import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { canAnswerQuestion, canHandleQuestion } from '../../../src/domain/question.policy';
import { acceptQuestion, answerQuestion, escalateQuestion } from '../../../src/domain/question-machine';
import { qaActions, type QuestionView } from '../../../src/domain/question.schema';
import { formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import { checkText } from '../../_shared/content-security';
import { defineAction } from '../../_shared/define-function';
import { assertOwnUploads, visiblePhotos } from '../../_shared/storage';
import { sendNotice } from '../../_shared/notice';
import { photoIdsOf, toQuestionView } from '../question-view';
import { commitQuestion, existingQuestion } from '../question-transition';

const handling = { access: 'user' as const, load: existingQuestion, authorize: canHandleQuestion };

/** 受理. */
export const accept = defineAction({
  schema: qaActions.accept,
  ...handling,
  async handler(_input, ctx, q): Promise<QuestionView> {
    const now = ctx.now();
    const after = await commitQuestion(q, acceptQuestion(q, now));
    return toQuestionView(after, await ctx.actor(), now);
  },
});

/** 答复 with text and photos; the asker is told by subscribe message (if they subscribed). */
export const answer = defineAction({
  schema: qaActions.answer,
  ...handling,
  authorize: canAnswerQuestion,
  idempotent: true,
  async handler(input, ctx, q): Promise<QuestionView> {
    const now = ctx.now();
    const next = answerQuestion(q, { text: input.content, photos: input.photos, org: q.handler.name, by: ctx.openid }, now);
    await Promise.all([assertOwnUploads(ctx.openid, input.photos), checkText(ctx.openid, input.content, CONTENT_SCENES.forum, ['content'])]);
    const after = await commitQuestion(q, next);
    const actor = await ctx.actor();
    await sendNotice('questionAnswered', {
      touser: after.askerOpenid,
      page: `pages/question-detail/index?id=${after._id}`,
      data: { thing1: after.title, thing2: input.content, time3: formatShanghaiMinute(now) },
    });
    return toQuestionView(after, actor, now, await visiblePhotos(photoIdsOf(after), { openid: ctx.openid, isStaff: true }));
  },
});

/** Staff who notice an overdue question before the timer does may put it before the 街道 themselves. */
export const escalate = defineAction({
  schema: qaActions.escalate,
  ...handling,
  async handler(_input, ctx, q): Promise<QuestionView> {
    const now = ctx.now();
    const after = await commitQuestion(q, escalateQuestion(q, now, 'staff', q.handler.name));
    return toQuestionView(after, await ctx.actor(), now);
  },
});
