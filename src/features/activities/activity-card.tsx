import { Text, View } from '@tarojs/components';
import type { ActivityView } from '@/domain/activity.schema';
import { PHASE_LABELS, myPartLabel, timeRange } from './activity-labels';
import './activities.scss';

export function ActivityCard({ activity, onClick }: { activity: ActivityView; onClick: () => void }) {
  return (
    <View className={`activity-card e2e-activity-card e2e-activity-${activity.id}`} onClick={onClick}>
      <View className="activity-card__head">
        <Text className="activity-card__title">{activity.title}</Text>
        <Text className={`activity-phase activity-phase--${activity.phase}`}>{PHASE_LABELS[activity.phase]}</Text>
      </View>
      <Text className="activity-card__line">{`${activity.typeLabel} · ${timeRange(activity)}`}</Text>
      <Text className="activity-card__line">{activity.place}</Text>
      <Text className="activity-card__mine">{myPartLabel(activity)}</Text>
    </View>
  );
}
