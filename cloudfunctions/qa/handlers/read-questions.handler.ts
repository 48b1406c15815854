import { notFound } from '../../../src/domain/errors';
import { canHandleQuestion, canReadQuestion, canUseQaInbox } from '../../../src/domain/question.policy';
import { desksOf } from '../../../src/domain/question-desk';
import { qaActions, type InboxItem, type QuestionSummary, type QuestionView } from '../../../src/domain/question.schema';
import { defineAction } from '../../_shared/define-function';
import { findQuestion, listByAsker, listInbox } from '../../_shared/repositories/question.repository';
import { visiblePhotos } from '../../_shared/storage';
import { photoIdsOf, toInboxItem, toQuestionView, toSummary } from '../question-view';

/** The asker's own questions with status and deadline, newest first. */
export const mine = defineAction({
  schema: qaActions.mine,
  access: 'user',
  async handler(_input, ctx): Promise<{ items: QuestionSummary[] }> {
    const now = ctx.now();
    return { items: (await listByAsker(ctx.openid)).map((q) => toSummary(q, now)) };
  },
});

/**
 * One question. Public when it is on the public page; otherwise only for the asker and the staff who handle it
 * (or receive its transfer) — to anyone else it does not exist.
 */
export const get = defineAction({
  schema: qaActions.get,
  access: 'public',
  async handler(input, ctx): Promise<QuestionView> {
    const [q, actor] = await Promise.all([findQuestion(input.id), ctx.actor()]);
    if (!q || !canReadQuestion(actor, q)) throw notFound('问题不存在或未公开');
    const viewer = { openid: ctx.openid, isStaff: canHandleQuestion(actor, null, q).ok };
    return toQuestionView(q, actor, ctx.now(), await visiblePhotos(photoIdsOf(q), viewer));
  },
});

/** Staff inbox: open questions on the caller's desks (incl. transfers to them and, for 街道, escalations), nearest deadline first. */
export const inbox = defineAction({
  schema: qaActions.inbox,
  access: 'user',
  authorize: canUseQaInbox,
  async handler(_input, ctx): Promise<{ items: InboxItem[] }> {
    const desks = desksOf(await ctx.actor());
    const now = ctx.now();
    return { items: (await listInbox(desks)).map((q) => toInboxItem(q, now, desks)) };
  },
});
