import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { ActivityCard } from '@/features/activities/activity-card';

import { call } from '@/lib/cloud';
import { ACTIVITY_DETAIL_URL, withQuery } from '@/routes';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** The community's activities: the one given, else where the member reported in, else their home community. */
async function load(given: string | undefined) {
  let communityId = given;
  if (!communityId) {
    const [checkin, me] = await Promise.all([call('checkin', 'myCheckin').then((r) => r.checkin), call('user', 'me')]);
    communityId = checkin?.communityId ?? me.community?.id;
  }
  return communityId ? call('checkin', 'listActivities', { communityId: communityId }).then((r) => r.items) : [];
}

export default function ActivityListPage() {
  const { params } = useRouter();
  const { state, reload } = useAsync(() => load(params.communityId), [params.communityId]);
  useReloadOnShow(() => reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <PageRoot className="page-activity-list" style={{ paddingTop: '12px' }}>
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(items) => items.length === 0} empty={<EmptyState title="暂无服务活动" description="社区发布活动后会显示在这里" />}>
        {(items) => items.map((a) => <ActivityCard key={a.id} activity={a} onClick={() => void Taro.navigateTo({ url: withQuery(ACTIVITY_DETAIL_URL, { id: a.id }) })} />)}
      </AsyncView>
    </PageRoot>
  );
}
