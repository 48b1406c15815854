import Taro, { useRouter } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { toastSuccess } from '@/components/toast';
import { CorrectionForm, SelfReportForm } from '@/features/records/service-form';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';

const back = () => setTimeout(() => void Taro.navigateBack().catch(() => undefined), 800);

/** `mode=self`: 登记自主服务 (in the community reported to); `mode=correction&logId|activityId`: 补录. */
export default function ServiceFormPage() {
  const { params } = useRouter();
  const correction = params.mode === 'correction';
  const { state, reload } = useAsync(async () => {
    if (correction) return '';
    const [checkin, me] = await Promise.all([call('checkin', 'myCheckin').then((r) => r.checkin), call('user', 'me')]);
    return checkin?.communityId ?? me.community?.id ?? '';
  }, [correction]);
  const done = () => {
    toastSuccess('已提交，等待社区确认');
    back();
  };
  return (
    <PageRoot className="page-service-form">
      {correction ? (
        <CorrectionForm target={{ logId: params.logId, activityId: params.activityId, title: params.title ? decodeURIComponent(params.title) : undefined }} onDone={done} />
      ) : (
        <AsyncView state={state} onRetry={() => void reload()}>
          {(communityId) => (communityId ? <SelfReportForm communityId={communityId} onDone={done} /> : <EmptyState title="请先到社区报到" description="自主服务记录由您报到的社区确认" />)}
        </AsyncView>
      )}
    </PageRoot>
  );
}
