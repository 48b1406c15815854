import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarTables } from '@/features/stars/star-rating-views';
import { StarReportPanel } from '@/features/stars/star-report';
import { yearFrom } from '../year';

export default function StarStatisticsPage() {
  const { params } = useRouter();
  return (
    <PageRoot className="page-star-statistics">
      <StarTables orgId={decodeURIComponent(params.orgId ?? '')} year={yearFrom(params.year)} />
      <StarReportPanel orgId={decodeURIComponent(params.orgId ?? '')} year={yearFrom(params.year)} />
    </PageRoot>
  );
}
