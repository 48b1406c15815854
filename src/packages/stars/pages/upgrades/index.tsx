import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarUpgradeDecide } from '@/features/stars/star-upgrade';
import { yearFrom } from '../year';

export default function StarUpgradesPage() {
  const { params } = useRouter();
  return (
    <PageRoot className="page-star-upgrades">
      <StarUpgradeDecide orgId={decodeURIComponent(params.orgId ?? '')} year={yearFrom(params.year)} />
    </PageRoot>
  );
}
