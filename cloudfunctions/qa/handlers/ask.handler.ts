import { createHash } from 'node:crypto';
import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { notFound } from '../../../src/domain/errors';
import { canAsk } from '../../../src/domain/question.policy';
import { newQuestion } from '../../../src/domain/question-machine';
import { qaActions, type QuestionView } from '../../../src/domain/question.schema';
import { checkText } from '../../_shared/content-security';
import { takePostQuota } from '../../_shared/repositories/post-quota.repository';
import { defineAction } from '../../_shared/define-function';
import { holidayCalendar } from '../../_shared/holiday-calendar';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { findQuestion, insertQuestion } from '../../_shared/repositories/question.repository';
import { assertOwnUploads } from '../../_shared/storage';
import { toQuestionView } from '../question-view';

/**
 * A resident asks the community they live in. The text is checked before anyone sees it; the id comes from the
 * client's request id, so a retried ask finds the first one instead of asking twice.
 */
export const ask = defineAction({
  schema: qaActions.ask,
  access: 'user',
  authorize: canAsk,
  async handler(input, ctx): Promise<QuestionView> {
    const actor = await ctx.actor();
    await takePostQuota('question', ctx.openid, ctx.now(), input.photos.length);
    const communityId = (input.communityId ?? actor.communityId) as string;
    const id = `q-${createHash('sha256').update(`${ctx.openid}.${input.requestId}`).digest('hex').slice(0, 20)}`;
    const [community, calendar] = await Promise.all([findCommunity(communityId), holidayCalendar(), assertOwnUploads(ctx.openid, input.photos)]);
    if (!community) throw notFound('社区不存在，请重新选择');
    const verdict = await checkText(ctx.openid, [input.askerName, input.title, input.content].join('\n'), CONTENT_SCENES.forum, ['title', 'content']);
    const now = ctx.now();
    const question = newQuestion(input, {
      askerOpenid: ctx.openid,
      askerName: input.askerName,
      community: { id: community._id, name: community.name, streetId: community.streetId, streetName: community.street },
      needsReview: verdict === 'review',
      now,
      calendar,
    });
    const saved = (await insertQuestion(id, question)) ?? (await findQuestion(id));
    if (!saved) throw notFound('问题不存在或已删除');
    return toQuestionView(saved, actor, now);
  },
});
