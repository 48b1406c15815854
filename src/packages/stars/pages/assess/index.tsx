import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarAssessment } from '@/features/stars/star-assess';
import { yearFrom } from '../year';

export default function StarAssessPage() {
  const { params } = useRouter();
  return (
    <PageRoot className="page-star-assess">
      <StarAssessment branchId={decodeURIComponent(params.branchId ?? '')} year={yearFrom(params.year)} />
    </PageRoot>
  );
}
