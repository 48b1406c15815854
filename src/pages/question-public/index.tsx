import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { PublicQa } from '@/features/qa/public-qa';

import { call } from '@/lib/cloud';
import { questionPublicUrl } from '@/routes';
import { PageRoot } from '@/components/page-root';

/** Public: a community's answered questions and figures. Without a community in the link, the one the person lives in. */
export default function QuestionPublicPage() {
  const { params } = useRouter();
  const { state, reload } = useAsync(async () => params.communityId ?? (await call('user', 'me')).community?.id ?? null, [params.communityId]);
  useShareAppMessage(() => ({ title: '社区问政公开', path: questionPublicUrl(state.data ?? undefined) }));
  return (
    <PageRoot className="page-question-public">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(communityId) => (communityId ? <PublicQa communityId={communityId} /> : <EmptyState title="尚未选择社区" description="请先在首页选择您居住的社区" />)}
      </AsyncView>
    </PageRoot>
  );
}
