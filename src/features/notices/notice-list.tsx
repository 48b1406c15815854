import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { NoticeListView } from '@/domain/notice.schema';
import { AppButton } from '@/components/app-button';
import { EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { NoticeCard } from './notice-card';
import { noticeEditorUrl } from '@/routes';

/** A community's notices: current ones (pinned first), then archived 公示, still readable. */
export function NoticeList({ list }: { list: NoticeListView }) {
  return (
    <View className="notice-list e2e-notice-list">
      {list.canManage && (
        <View className="notice-list__actions">
          <AppButton className="e2e-notice-new" type="primary" block onClick={() => void Taro.navigateTo({ url: noticeEditorUrl({ communityId: list.community.id }) })}>
            发布公告
          </AppButton>
        </View>
      )}
      <Section title={`${list.community.name} · 公告`}>
        {list.current.length === 0 ? <EmptyState title="暂无公告" /> : list.current.map((n) => <NoticeCard key={n.id} notice={n} />)}
      </Section>
      {list.archived.length > 0 && (
        <Section title="已归档的公示" className="e2e-notice-archived">
          {list.archived.map((n) => (
            <NoticeCard key={n.id} notice={n} />
          ))}
        </Section>
      )}
    </View>
  );
}
