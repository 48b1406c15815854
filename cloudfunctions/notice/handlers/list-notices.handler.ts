import { notFound } from '../../../src/domain/errors';
import { orderNotices } from '../../../src/domain/notice-publicity';
import { noticeActions, type NoticeListView, type NoticeSummary } from '../../../src/domain/notice.schema';
import { managesNotices } from '../../../src/domain/notice.policy';
import { defineAction } from '../../_shared/define-function';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { listNoticesOfCommunity } from '../../_shared/repositories/notice.repository';
import { toNoticeSummary } from '../notice-view';

/**
 * Public: a community's notices, current ones (pinned first) and archived 公示, readable without logging in.
 * The community's name comes with its notices; only a community without any is looked up.
 */
export const list = defineAction({
  schema: noticeActions.list,
  access: 'public',
  async handler(input, ctx): Promise<NoticeListView> {
    const [records, actor] = await Promise.all([listNoticesOfCommunity(input.communityId), ctx.actor()]);
    const name = records[0]?.communityName ?? (await findCommunity(input.communityId))?.name;
    if (!name) throw notFound('社区不存在');
    const { current, archived } = orderNotices(records.map((n) => toNoticeSummary(n, ctx.now())));
    return { community: { id: input.communityId, name }, current, archived, canManage: managesNotices(actor, input) };
  },
});

/** Public: the few current notices 首页 shows for the community one lives in. */
export const latest = defineAction({
  schema: noticeActions.latest,
  access: 'public',
  async handler(input, ctx): Promise<{ items: NoticeSummary[] }> {
    const records = await listNoticesOfCommunity(input.communityId, 20);
    const { current } = orderNotices(records.map((n) => toNoticeSummary(n, ctx.now())));
    return { items: current.slice(0, input.limit) };
  },
});
