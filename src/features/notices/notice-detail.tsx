import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NoticeView } from '@/domain/notice.schema';
import { formatShanghaiDate, formatShanghaiMinute } from '@/domain/shanghai-time';
import { toastMessage } from '@/lib/field-errors';
import { AppButton } from '@/components/app-button';
import { Section } from '@/components/section';
import { toastInfo, toastSuccess } from '@/components/toast';

import './notices.scss';
import { call } from '@/lib/cloud';
import { noticeEditorUrl } from '@/routes';

/** A notice in full, its 公示 state, what it said before each edit, and for its community's staff: edit and pin. */
export function NoticeDetail({ notice, onChanged }: { notice: NoticeView; onChanged: (n: NoticeView) => void }) {
  const [busy, setBusy] = useState(false);
  const togglePin = async () => {
    setBusy(true);
    try {
      onChanged(await call('notice', 'pin', { id: notice.id, pinned: !notice.pinned }));
      toastSuccess(notice.pinned ? '已取消置顶' : '已置顶');
    } catch (error) {
      toastInfo(toastMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="notice-detail e2e-notice-detail">
      <View className="notice-detail__head">
        <View className="notice-card__tags">
          {notice.pinned && !notice.archived && <Text className="notice-tag notice-tag--pinned">置顶</Text>}
          <Text className="notice-tag">{notice.category}</Text>
          {notice.archived && <Text className="notice-tag notice-tag--archived e2e-notice-archived-tag">已归档</Text>}
        </View>
        <Text className="notice-detail__title e2e-notice-detail-title">{notice.title}</Text>
        <Text className="notice-detail__meta">
          {notice.communityName} · {formatShanghaiMinute(notice.publishedAt)}
          {notice.editedAt ? ` · 修改于 ${formatShanghaiMinute(notice.editedAt)}` : ''}
        </Text>
        {notice.publicityEndsAt && (
          <Text className="notice-detail__publicity">
            {notice.archived ? `公示期已于 ${formatShanghaiDate(notice.publicityEndsAt)} 结束，现已归档` : `公示期至 ${formatShanghaiDate(notice.publicityEndsAt)}`}
          </Text>
        )}
      </View>
      <Text className="notice-detail__body e2e-notice-body">{notice.body}</Text>
      {notice.canManage && (
        <View className="notice-detail__actions">
          <AppButton className="e2e-notice-edit" type="primary" onClick={() => void Taro.navigateTo({ url: noticeEditorUrl({ id: notice.id }) })}>
            编辑
          </AppButton>
          <AppButton className="e2e-notice-pin" fill="outline" loading={busy} onClick={() => void togglePin()}>
            {notice.pinned ? '取消置顶' : '置顶'}
          </AppButton>
        </View>
      )}
      {notice.history.length > 0 && (
        <Section title={`修改记录（${notice.history.length}）`} className="e2e-notice-history">
          {[...notice.history].reverse().map((h) => (
            <View key={h.replacedAt} className="notice-history">
              <Text className="notice-history__when">{`${formatShanghaiMinute(h.replacedAt)} 前的版本`}</Text>
              <Text className="notice-history__title">{h.title}</Text>
              <Text className="notice-history__body">{h.body}</Text>
            </View>
          ))}
        </Section>
      )}
    </View>
  );
}
