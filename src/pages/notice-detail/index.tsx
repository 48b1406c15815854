import { useRef } from 'react';
import { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { NoticeDetail } from '@/features/notices/notice-detail';

import { call } from '@/lib/cloud';
import { noticeDetailUrl } from '@/routes';
import { PageRoot } from '@/components/page-root';

/** Public and shareable (to a chat or to 朋友圈): one notice, readable without logging in. */
export default function NoticeDetailPage() {
  const id = useRouter().params.id ?? '';
  const { state, reload, setData } = useAsync(() => call('notice', 'get', { id: id }), [id]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
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
