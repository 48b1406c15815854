import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { CheckinReview } from '@/features/checkin/staff/checkin-review';
import { PageRoot } from '@/components/page-root';

export default function CheckinReviewPage() {
  return (
    <PageRoot className="page-checkin-review">
      <StaffScope>{(community) => <CheckinReview communityId={community.id} />}</StaffScope>
    </PageRoot>
  );
}
