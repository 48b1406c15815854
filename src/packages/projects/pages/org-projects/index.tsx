import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { OrgProjectList } from '@/features/projects/project-lists';

export default function OrgProjectsPage() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  return (
    <PageRoot className="page-org-projects">
      <OrgProjectList orgId={orgId} />
    </PageRoot>
  );
}
