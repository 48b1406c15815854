import { useRouter } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { QuestionDetail } from '@/features/qa/question-detail';
import { StaffActions } from '@/features/qa/staff-actions';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';

/** Staff: one question with what they may do to it now. */
export default function QaHandlePage() {
  const id = useRouter().params.id ?? '';
  const { state, reload, setData } = useAsync(() => call('qa', 'get', { id: id }), [id]);
  return (
    <PageRoot className="page-qa-handle">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(q) => (
          <>
            <QuestionDetail q={q} />
            <StaffActions q={q} onChanged={setData} />
          </>
        )}
      </AsyncView>
    </PageRoot>
  );
}
