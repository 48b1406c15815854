import { useRef } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { ActivityDetail } from '@/features/activities/activity-detail';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';

export default function ActivityDetailPage() {
  const { params } = useRouter();
  const { state, reload } = useAsync(() => call('checkin', 'activityDetail', { activityId: params.id ?? '' }), [params.id]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  return (
    <PageRoot className="page-activity-detail">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(activity) => <ActivityDetail activity={activity} onChanged={reload} />}
      </AsyncView>
    </PageRoot>
  );
}
