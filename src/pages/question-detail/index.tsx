import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { QuestionDetail } from '@/features/qa/question-detail';
import { AskerActions } from '@/features/qa/asker-actions';

import { call } from '@/lib/cloud';
import { questionDetailUrl } from '@/routes';
import { PageRoot } from '@/components/page-root';

/** One question: the asker's own (with rating and follow-up), or a public one for anyone (asker masked). */
export default function QuestionDetailPage() {
  const id = useRouter().params.id ?? '';
  const { state, reload, setData } = useAsync(() => call('qa', 'get', { id: id }), [id]);
  useShareAppMessage(() => ({ title: state.data?.title ?? '网络问政', path: questionDetailUrl(id) }));
  return (
    <PageRoot className="page-question-detail">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(q) => (
          <>
            <QuestionDetail q={q} />
            <AskerActions q={q} onChanged={setData} />
          </>
        )}
      </AsyncView>
    </PageRoot>
  );
}
