import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarReportList } from '@/features/stars/star-report';
import { yearFrom } from '../year';

/** The level above: who has reported the half-year's 星级评定情况统计表 (an organisation's subtree, or all for the admin). */
export default function StarReportsPage() {
  const { params } = useRouter();
  const orgId = params.orgId ? decodeURIComponent(params.orgId) : null;
  return (
    <PageRoot className="page-star-reports">
      <StarReportList orgId={orgId} year={yearFrom(params.year)} />
    </PageRoot>
  );
}
