import { View } from '@tarojs/components';
import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { CheckinReview } from '@/features/checkin/staff/checkin-review';

export default function CheckinReviewPage() {
  return (
    <View className="page page-checkin-review">
      <StaffScope>{(community) => <CheckinReview communityId={community.id} />}</StaffScope>
    </View>
  );
}
