import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { toastSuccess } from '@/components/toast';
import { NoticeForm } from '@/features/notices/notice-form';

import { call } from '@/lib/cloud';
import { noticeDetailUrl } from '@/routes';
import { PageRoot } from '@/components/page-root';
import { setPageTitle } from '@/lib/nav-bar';

/** Staff: `?communityId=` publishes a new notice there; `?id=` edits that notice. */
export default function NoticeEditorPage() {
  const { params } = useRouter();
  const { state, reload } = useAsync(async () => (params.id ? call('notice', 'get', { id: params.id }) : null), [params.id]);
  useEffect(() => {
    if (params.id) setPageTitle('编辑公告');
  }, [params.id]);
  return (
    <PageRoot className="page-notice-editor">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(editing) => (
          <NoticeForm
            communityId={editing?.communityId ?? params.communityId ?? ''}
            editing={editing}
            onSaved={(notice) => {
              toastSuccess(editing ? '已保存' : '已发布');
              setTimeout(() => void Taro.redirectTo({ url: noticeDetailUrl(notice.id) }), 600);
            }}
          />
        )}
      </AsyncView>
    </PageRoot>
  );
}
