import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { PublicProjectList } from '@/features/projects/project-lists';

export default function PublicProjectsPage() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  return (
    <PageRoot className="page-public-projects">
      <PublicProjectList orgId={orgId} />
    </PageRoot>
  );
}
