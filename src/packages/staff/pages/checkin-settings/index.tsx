import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { FenceSettings } from '@/features/checkin/staff/fence-settings';
import { PageRoot } from '@/components/page-root';

export default function CheckinSettingsPage() {
  return (
    <PageRoot className="page-checkin-settings">
      <StaffScope>{(community) => <FenceSettings communityId={community.id} />}</StaffScope>
    </PageRoot>
  );
}
