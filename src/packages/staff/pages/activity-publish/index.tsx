import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { toastSuccess } from '@/components/toast';
import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { ActivityForm } from '@/features/activities/activity-form';
import { STAFF_ACTIVITY_MANAGE_URL } from '@/routes';

export default function ActivityPublishPage() {
  return (
    <View className="page page-activity-publish">
      <StaffScope>
        {(community) => (
          <ActivityForm
            communityId={community.id}
            onDone={() => {
              toastSuccess('活动已发布');
              setTimeout(() => void Taro.redirectTo({ url: STAFF_ACTIVITY_MANAGE_URL }), 800);
            }}
          />
        )}
      </StaffScope>
    </View>
  );
}
