import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { PledgeReview } from '@/features/org/pledge-review';

export default function PledgeReviewPage() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  return (
    <PageRoot className="page-pledge-review">
      <PledgeReview orgId={orgId} />
    </PageRoot>
  );
}
