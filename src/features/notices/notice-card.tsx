import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NoticeSummary } from '@/domain/notice.schema';
import { formatShanghaiDate } from '@/domain/shanghai-time';

import './notices.scss';
import { noticeDetailUrl } from '@/routes';

/** One notice in a list: category, pin and 公示 state at a glance, then title and the opening words. */
export function NoticeCard({ notice }: { notice: NoticeSummary }) {
  return (
    <View className={`notice-card e2e-notice e2e-notice-${notice.id}`} onClick={() => void Taro.navigateTo({ url: noticeDetailUrl(notice.id) })}>
      <View className="notice-card__tags">
        {notice.pinned && !notice.archived && <Text className="notice-tag notice-tag--pinned e2e-notice-pinned">置顶</Text>}
        <Text className="notice-tag">{notice.category}</Text>
        {notice.publicityEndsAt && (
          <Text className={`notice-tag ${notice.archived ? 'notice-tag--archived' : 'notice-tag--publicity'}`}>
            {notice.archived ? '已归档' : `公示至 ${formatShanghaiDate(notice.publicityEndsAt).slice(5)}`}
          </Text>
        )}
      </View>
      <Text className="notice-card__title e2e-notice-title">{notice.title}</Text>
      <Text className="notice-card__excerpt">{notice.excerpt}</Text>
      <Text className="notice-card__meta">
        {formatShanghaiDate(notice.publishedAt)}
        {notice.editedAt ? ' · 已修改' : ''}
      </Text>
    </View>
  );
}
