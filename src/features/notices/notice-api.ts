import { callFunction } from '@/lib/cloud';
import type { NoticeContent, NoticeListView, NoticeSummary, NoticeView } from '@/domain/notice.schema';

export const listNotices = (communityId: string) => callFunction<NoticeListView>('notice', 'list', { communityId });
export const latestNotices = (communityId: string, limit = 3) => callFunction<{ items: NoticeSummary[] }>('notice', 'latest', { communityId, limit }).then((r) => r.items);
export const getNotice = (id: string) => callFunction<NoticeView>('notice', 'get', { id });
export const publishNotice = (communityId: string, content: NoticeContent, requestId: string) =>
  callFunction<NoticeView>('notice', 'publish', { communityId, ...content, requestId });
export const editNotice = (id: string, version: number, content: NoticeContent) => callFunction<NoticeView>('notice', 'edit', { id, version, ...content });
export const pinNotice = (id: string, pinned: boolean) => callFunction<NoticeView>('notice', 'pin', { id, pinned });
