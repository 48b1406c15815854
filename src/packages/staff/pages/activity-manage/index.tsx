import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { ActivityManage } from '@/features/activities/activity-manage';
import { PageRoot } from '@/components/page-root';

export default function ActivityManagePage() {
  return (
    <PageRoot className="page-activity-manage">
      <StaffScope>{(community) => <ActivityManage communityId={community.id} />}</StaffScope>
    </PageRoot>
  );
}
