import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { NoticeDetail } from '@/features/notices/notice-detail';

import { call } from '@/lib/cloud';
import { noticeDetailUrl } from '@/routes';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** Public and shareable (to a chat or to 朋友圈): one notice, readable without logging in. */
export default function NoticeDetailPage() {
  const id = useRouter().params.id ?? '';
  const { state, reload, setData } = useAsync(() => call('notice', 'get', { id: id }), [id]);
  useReloadOnShow(() => reload());
  useShareAppMessage(() => ({ title: state.data?.title ?? '社区公告', path: noticeDetailUrl(id) }));
  useShareTimeline(() => ({ title: state.data?.title ?? '社区公告', query: `id=${id}` }));
  return (
    <PageRoot className="page-notice-detail">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(notice) => <NoticeDetail notice={notice} onChanged={setData} />}
      </AsyncView>
    </PageRoot>
  );
}
