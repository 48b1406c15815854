import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarWorkList } from '@/features/stars/star-work';
import { yearFrom } from '../year';

export default function StarWorkPage() {
  const { params } = useRouter();
  return (
    <PageRoot className="page-star-work">
      <StarWorkList year={yearFrom(params.year)} />
    </PageRoot>
  );
}
