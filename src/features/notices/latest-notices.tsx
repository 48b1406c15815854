import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { NoticeCard } from './notice-card';

import { call } from '@/lib/cloud';
import { noticeListUrl } from '@/routes';

/** 首页: the latest current notices of the community one lives in. */
export function LatestNotices({ communityId }: { communityId: string }) {
  const { state, reload } = useAsync(() => call('notice', 'latest', { communityId: communityId, limit: 3 }).then((r) => r.items), [communityId]);
  return (
    <Section
      title="社区公告"
      className="e2e-home-notices"
      extra={
        <Text className="section-more e2e-home-notices-more" onClick={() => void Taro.navigateTo({ url: noticeListUrl(communityId) })}>
          全部 ›
        </Text>
      }
    >
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(items) => items.length === 0} empty={<EmptyState title="暂无公告" description="社区发布的通知和公示会显示在这里" />}>
        {(items) => (
          <View>
            {items.map((n) => (
              <NoticeCard key={n.id} notice={n} />
            ))}
          </View>
        )}
      </AsyncView>
    </Section>
  );
}
