import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useRef } from 'react';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { NoticeList } from '@/features/notices/notice-list';

import { call } from '@/lib/cloud';
import { noticeListUrl } from '@/routes';
import { PageRoot } from '@/components/page-root';

/** Public: a community's notices. Without a community in the link, the one the person lives in. */
export default function NoticeListPage() {
  const { params } = useRouter();
  const { state, reload } = useAsync(async () => {
    const communityId = params.communityId ?? (await call('user', 'me')).community?.id;
    return communityId ? call('notice', 'list', { communityId: communityId }) : null;
  }, [params.communityId]);
  const shown = useRef(false);
  useDidShow(() => {
    // Back from the editor: show what was just published.
    if (shown.current) void reload();
    shown.current = true;
  });
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  useShareAppMessage(() => ({
    title: state.data ? `${state.data.community.name}社区公告` : '社区公告',
    path: noticeListUrl(state.data?.community.id ?? params.communityId),
  }));
  return (
    <PageRoot className="page-notice-list">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(list) => (list ? <NoticeList list={list} /> : <EmptyState title="尚未选择社区" description="请先在首页选择您居住的社区" />)}
      </AsyncView>
    </PageRoot>
  );
}
