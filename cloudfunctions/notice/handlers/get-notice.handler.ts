import { notFound } from '../../../src/domain/errors';
import { noticeActions, type NoticeView } from '../../../src/domain/notice.schema';
import { managesNotices } from '../../../src/domain/notice.policy';
import { defineAction } from '../../_shared/define-function';
import { findNotice } from '../../_shared/repositories/notice.repository';
import { toNoticeView } from '../notice-view';

/** Public and shareable: one notice with its earlier versions; staff of its community also get to edit it. */
export const get = defineAction({
  schema: noticeActions.get,
  access: 'public',
  async handler(input, ctx): Promise<NoticeView> {
    // An anonymous reader costs no actor read, so a shared link is one round trip.
    const [notice, actor] = await Promise.all([findNotice(input.id), ctx.actor()]);
    if (!notice) throw notFound('公告不存在或已删除');
    return toNoticeView(notice, ctx.now(), managesNotices(actor, notice));
  },
});
