import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { ServiceReview } from '@/features/records/service-review';
import { PageRoot } from '@/components/page-root';

export default function ServiceReviewPage() {
  return (
    <PageRoot className="page-service-review">
      <StaffScope>{(community) => <ServiceReview communityId={community.id} />}</StaffScope>
    </PageRoot>
  );
}
