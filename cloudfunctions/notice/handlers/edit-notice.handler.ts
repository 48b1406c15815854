import { CONTENT_SCENES } from '../../../src/domain/content-check';
import { conflict, notFound } from '../../../src/domain/errors';
import { publicityEndsAt } from '../../../src/domain/notice-publicity';
import { noticeActions, type NoticeView } from '../../../src/domain/notice.schema';
import { canEditNotice } from '../../../src/domain/notice.policy';
import { checkText } from '../../_shared/content-security';
import { defineAction } from '../../_shared/define-function';
import { findNotice, updateNotice } from '../../_shared/repositories/notice.repository';
import { toNoticeView } from '../notice-view';

const staffEdit = {
  access: 'user' as const,
  async load(input: { id: string }) {
    const notice = await findNotice(input.id);
    if (!notice) throw notFound('公告不存在或已删除');
    return notice;
  },
  authorize: canEditNotice,
};

const STALE = '公告已被他人修改，请刷新后再改';

/** Edit with history: the text it replaces is kept, with when it was replaced. The 公示 period counts from first publication. */
export const edit = defineAction({
  schema: noticeActions.edit,
  ...staffEdit,
  async handler(input, ctx, notice): Promise<NoticeView> {
    if (notice.version !== input.version) throw conflict(STALE);
    await checkText(ctx.openid, `${input.title}\n${input.body}`, CONTENT_SCENES.forum, ['title', 'body']);
    const now = ctx.now();
    const fields = {
      category: input.category,
      title: input.title,
      body: input.body,
      pinned: input.pinned,
      publicityDays: input.publicityDays,
      publicityEndsAt: publicityEndsAt(input.category, new Date(notice.publishedAt), input.publicityDays),
      editedAt: now,
      history: [...notice.history, { category: notice.category, title: notice.title, body: notice.body, replacedAt: now, editorOpenid: ctx.openid }],
    };
    if (!(await updateNotice(notice._id, notice.version, fields))) throw conflict(STALE);
    return toNoticeView({ ...notice, ...fields, version: notice.version + 1 }, now, true);
  },
});

/** Pinning changes no text, so it leaves no revision. */
export const pin = defineAction({
  schema: noticeActions.pin,
  ...staffEdit,
  async handler(input, ctx, notice): Promise<NoticeView> {
    if (!(await updateNotice(notice._id, notice.version, { pinned: input.pinned }))) throw conflict(STALE);
    return toNoticeView({ ...notice, pinned: input.pinned, version: notice.version + 1 }, ctx.now(), true);
  },
});
