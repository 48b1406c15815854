import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { DispatchList } from '@/features/projects/project-lists';

export default function ProjectDispatchPage() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  return (
    <PageRoot className="page-project-dispatch">
      <DispatchList orgId={orgId} />
    </PageRoot>
  );
}
