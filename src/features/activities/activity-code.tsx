import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { ActivityCodeView } from '@/domain/activity.schema';
import { toastMessage } from '@/lib/field-errors';
import { AppButton } from '@/components/app-button';
import { ErrorState, LoadingState } from '@/components/state-views';
import { call } from '@/lib/cloud';
import './activities.scss';

/**
 * Staff hold this screen up at the venue: the activity's 签到码, fetched again just before each 30-second window ends
 * (the server says when), so the QR members scan is always live and a forwarded photo is not.
 */
export function ActivityCode({ activityId }: { activityId: string }) {
  const [shown, setShown] = useState<ActivityCodeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = async () => {
      try {
        const view = await call('checkin', 'activityCode', { activityId });
        if (stopped) return;
        setShown(view);
        setError(null);
        timer = setTimeout(() => void next(), view.refreshInMs);
      } catch (e) {
        if (!stopped) setError(toastMessage(e));
      }
    };
    void next();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [activityId, attempt]);

  if (error) return <ErrorState message={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!shown) return <LoadingState />;
  return (
    <View className="activity-code e2e-activity-code">
      <Text className="activity-detail__title">{shown.title}</Text>
      <Image className="activity-code__image e2e-activity-code-image" src={shown.image} mode="aspectFit" ariaLabel="活动签到码" nativeProps={{ alt: '活动签到码' }} />
      <Text className="activity-detail__hint">请党员打开活动页点「扫码签到」扫描此码。签到码每 30 秒自动更换，截图或转发的旧码无法签到；签到仍须在活动地点范围内。</Text>
      <AppButton className="e2e-activity-code-refresh" block fill="outline" onClick={() => setAttempt((n) => n + 1)}>
        立即刷新
      </AppButton>
    </View>
  );
}
