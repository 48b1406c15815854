import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarRatingBoard } from '@/features/stars/star-rating-views';
import { yearFrom } from '../year';

export default function StarRatingPage() {
  const { params } = useRouter();
  return (
    <PageRoot className="page-star-rating">
      <StarRatingBoard orgId={decodeURIComponent(params.orgId ?? '')} year={yearFrom(params.year)} />
    </PageRoot>
  );
}
