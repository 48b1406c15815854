import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AppButton } from '@/components/app-button';
import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { toastInfo, toastSuccess } from '@/components/toast';
import { fetchChaseList, sendReminders } from '@/features/wishes/wish-api';
import { StaffWishList } from '@/features/wishes/staff-wish-list';
import { toCloudError } from '@/lib/cloud-error';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';

/** 认领督办: open claims by deadline; remind those past day 7, release overdue ones from their detail page. */
export default function WishChasePage() {
  const { state, reload } = useAsync(fetchChaseList, []);
  const [busy, setBusy] = useState(false);
  useDidShow(() => void reload());
  const remind = async () => {
    setBusy(true);
    try {
      const { reminded } = await sendReminders();
      toastSuccess(reminded ? `已提醒 ${reminded} 人` : '没有需要提醒的认领');
      void reload();
    } catch (error) {
      toastInfo(toCloudError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page">
      <Section
        title="认领中的心愿"
        extra={
          <AppButton className="e2e-send-reminders" size="small" type="primary" loading={busy} onClick={() => void remind()}>
            提醒临期认领
          </AppButton>
        }
      >
        <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.length === 0} empty={<EmptyState title="没有进行中的认领" />}>
          {(items) => <StaffWishList items={items} mode="chase" />}
        </AsyncView>
      </Section>
    </View>
  );
}
