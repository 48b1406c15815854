import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarPublicity } from '@/features/stars/star-rating-views';
import { yearFrom } from '../year';

export default function StarPublicityPage() {
  const { params } = useRouter();
  return (
    <PageRoot className="page-star-publicity">
      <StarPublicity orgId={decodeURIComponent(params.orgId ?? '')} year={yearFrom(params.year)} />
    </PageRoot>
  );
}
