import { View } from '@tarojs/components';
import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { ActivityManage } from '@/features/activities/activity-manage';

export default function ActivityManagePage() {
  return (
    <View className="page page-activity-manage">
      <StaffScope>{(community) => <ActivityManage communityId={community.id} />}</StaffScope>
    </View>
  );
}
