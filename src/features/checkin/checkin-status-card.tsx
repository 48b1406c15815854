import { Text, View } from '@tarojs/components';
import { CHECKIN_NEXT_STEP, CHECKIN_STANDING_LABELS } from '@/domain/checkin-term';
import type { CheckinView } from '@/domain/checkin.schema';
import { formatShanghaiDate, formatShanghaiMinute } from '@/domain/shanghai-time';
import './checkin.scss';

/** The member's current 报到: where, since when, until when, and how it stands. */
export function CheckinStatusCard({ checkin }: { checkin: CheckinView }) {
  return (
    <View className={`checkin-status checkin-status--${checkin.standing} e2e-checkin-status`}>
      <View className="checkin-status__head">
        <Text className="checkin-status__community">{checkin.communityName}</Text>
        <Text className={`checkin-tag checkin-tag--${checkin.standing} e2e-checkin-standing`}>{CHECKIN_STANDING_LABELS[checkin.standing]}</Text>
      </View>
      <Text className="checkin-status__line">{`报到时间：${formatShanghaiMinute(checkin.reportedAt)}（距社区中心约 ${checkin.distance} 米）`}</Text>
      <Text className="checkin-status__line">{`有效期至：${formatShanghaiDate(checkin.validUntil)}（每半年重新报到一次）`}</Text>
      {checkin.reviewedByName && checkin.status === 'confirmed' && <Text className="checkin-status__line">{`确认人：${checkin.reviewedByName}`}</Text>}
      {checkin.rejectReason && <Text className="checkin-status__reason e2e-checkin-reject-reason">{`退回原因：${checkin.rejectReason}`}</Text>}
      {CHECKIN_NEXT_STEP[checkin.standing] && <Text className="checkin-status__line e2e-checkin-next-step">{CHECKIN_NEXT_STEP[checkin.standing]}</Text>}
    </View>
  );
}
