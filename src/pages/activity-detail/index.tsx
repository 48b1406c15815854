import { useRouter } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { ActivityDetail } from '@/features/activities/activity-detail';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

export default function ActivityDetailPage() {
  const { params } = useRouter();
  const { state, reload } = useAsync(() => call('checkin', 'activityDetail', { activityId: params.id ?? '' }), [params.id]);
  useReloadOnShow(() => reload());
  return (
    <PageRoot className="page-activity-detail">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(activity) => <ActivityDetail activity={activity} onChanged={reload} />}
      </AsyncView>
    </PageRoot>
  );
}
