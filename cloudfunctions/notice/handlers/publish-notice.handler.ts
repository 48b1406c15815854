import { createHash } from 'node:crypto';
import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { notFound } from '../../../src/domain/errors';
import { publicityEndsAt } from '../../../src/domain/notice-publicity';
import { noticeActions, type NoticeView } from '../../../src/domain/notice.schema';
import { canPublishNotice } from '../../../src/domain/notice.policy';
import { checkText } from '../../_shared/content-security';
import { takePostQuota } from '../../_shared/repositories/post-quota.repository';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { findNotice, insertNotice } from '../../_shared/repositories/notice.repository';
import { toNoticeView } from '../notice-view';

/** Staff publish a notice for their community. The id comes from the client's request id, so a retry cannot post twice. */
export const publish = defineAction({
  schema: noticeActions.publish,
  access: 'user',
  authorize: canPublishNotice,
  async handler(input, ctx): Promise<NoticeView> {
    await takePostQuota('notice', ctx.openid, ctx.now());
    const id = `n-${createHash('sha256').update(`${ctx.openid}.${input.requestId}`).digest('hex').slice(0, 20)}`;
    const community = await findCommunity(input.communityId);
    if (!community) throw notFound('社区不存在');
    // Staff text goes through the check too; a "review" verdict is left to the staff who wrote it.
    await checkText(ctx.openid, `${input.title}\n${input.body}`, CONTENT_SCENES.forum, ['title', 'body']);
    const now = ctx.now();
    const notice = {
      _id: id,
      version: 1,
      communityId: community._id,
      communityName: community.name,
      category: input.category,
      title: input.title,
      body: input.body,
      pinned: input.pinned,
      publicityDays: input.publicityDays,
      publishedAt: now,
      publicityEndsAt: publicityEndsAt(input.category, now, input.publicityDays),
      authorOpenid: ctx.openid,
      editedAt: null,
      history: [],
    };
    if (await insertNotice(notice)) return toNoticeView(notice, now, true);
    const existing = await findNotice(id);
    if (!existing) throw notFound('公告不存在或已删除');
    return toNoticeView(existing, now, true);
  },
});
