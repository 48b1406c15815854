import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { ProjectApplyForm } from '@/features/projects/project-apply-form';

export default function ProjectApplyPage() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  return (
    <PageRoot className="page-project-apply">
      <ProjectApplyForm orgId={orgId} />
    </PageRoot>
  );
}
