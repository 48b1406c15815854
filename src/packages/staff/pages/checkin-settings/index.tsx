import { View } from '@tarojs/components';
import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { FenceSettings } from '@/features/checkin/staff/fence-settings';

export default function CheckinSettingsPage() {
  return (
    <View className="page page-checkin-settings">
      <StaffScope>{(community) => <FenceSettings communityId={community.id} />}</StaffScope>
    </View>
  );
}
