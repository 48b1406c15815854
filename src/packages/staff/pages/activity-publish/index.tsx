import Taro from '@tarojs/taro';
import { toastSuccess } from '@/components/toast';
import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { ActivityForm } from '@/features/activities/activity-form';
import { STAFF_ACTIVITY_MANAGE_URL } from '@/routes';
import { PageRoot } from '@/components/page-root';

export default function ActivityPublishPage() {
  return (
    <PageRoot className="page-activity-publish">
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
    </PageRoot>
  );
}
