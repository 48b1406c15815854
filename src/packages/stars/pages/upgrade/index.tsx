import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarUpgradeApply } from '@/features/stars/star-upgrade';
import { yearFrom } from '../year';

export default function StarUpgradePage() {
  const { params } = useRouter();
  return (
    <PageRoot className="page-star-upgrade">
      <StarUpgradeApply branchId={decodeURIComponent(params.branchId ?? '')} year={yearFrom(params.year)} />
    </PageRoot>
  );
}
