import { View } from '@tarojs/components';
import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { ServiceReview } from '@/features/records/service-review';

export default function ServiceReviewPage() {
  return (
    <View className="page page-service-review">
      <StaffScope>{(community) => <ServiceReview communityId={community.id} />}</StaffScope>
    </View>
  );
}
