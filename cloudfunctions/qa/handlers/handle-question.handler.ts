import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { canHandleQuestion } from '../../../src/domain/permissions';
import { acceptQuestion, answerQuestion, escalateQuestion } from '../../../src/domain/question-machine';
import { qaActions, type QuestionView } from '../../../src/domain/question.schema';
import { formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import { checkText } from '../../_shared/content-security';
import { defineAction } from '../../_shared/define-function';
import { assertOwnUploads, downloadUrls } from '../../_shared/storage';
import { sendNotice } from '../../_shared/notice';
import { photoIdsOf, toQuestionView } from '../question-view';
import { transitionQuestion } from '../question-transition';

const DENIED = '只能办理本社区（单位）或本街道的问题';

/** 受理. */
export const accept = defineAction({
  schema: qaActions.accept,
  access: 'user',
  async handler(input, ctx): Promise<QuestionView> {
    const now = ctx.now();
    const { after, actor } = await transitionQuestion(input.id, ctx, { allowed: canHandleQuestion, deniedMessage: DENIED, apply: (q) => acceptQuestion(q, now) });
    return toQuestionView(after, actor, now, {});
  },
});

/** 答复 with text and photos; the asker is told by subscribe message (if they subscribed). */
export const answer = defineAction({
  schema: qaActions.answer,
  access: 'user',
  idempotent: true,
  async handler(input, ctx): Promise<QuestionView> {
    const now = ctx.now();
    const { after, actor } = await transitionQuestion(input.id, ctx, {
      allowed: canHandleQuestion,
      deniedMessage: DENIED,
      async apply(q) {
        await Promise.all([assertOwnUploads(ctx.openid, input.photos), checkText(ctx.openid, input.content, CONTENT_SCENES.forum)]);
        return answerQuestion(q, { text: input.content, photos: input.photos, org: q.handler.name }, now);
      },
    });
    await sendNotice('questionAnswered', {
      touser: after.askerOpenid,
      page: `pages/question-detail/index?id=${after._id}`,
      data: { thing1: after.title, thing2: input.content, time3: formatShanghaiMinute(now) },
    });
    return toQuestionView(after, actor, now, await downloadUrls(photoIdsOf(after)));
  },
});

/** Staff who notice an overdue question before the timer does may put it before the 街道 themselves. */
export const escalate = defineAction({
  schema: qaActions.escalate,
  access: 'user',
  async handler(input, ctx): Promise<QuestionView> {
    const now = ctx.now();
    const { after, actor } = await transitionQuestion(input.id, ctx, {
      allowed: canHandleQuestion,
      deniedMessage: DENIED,
      apply: (q) => escalateQuestion(q, now, 'staff', q.handler.name),
    });
    return toQuestionView(after, actor, now, {});
  },
});
