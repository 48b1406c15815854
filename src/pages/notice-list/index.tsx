import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { NoticeList } from '@/features/notices/notice-list';

import { call } from '@/lib/cloud';
import { noticeListUrl } from '@/routes';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** Public: a community's notices. Without a community in the link, the one the person lives in. */
export default function NoticeListPage() {
  const { params } = useRouter();
  const { state, reload } = useAsync(async () => {
    const communityId = params.communityId ?? (await call('user', 'me')).community?.id;
    return communityId ? call('notice', 'list', { communityId: communityId }) : null;
  }, [params.communityId]);
  // Back from the editor: show what was just published.
  useReloadOnShow(() => reload());
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
