import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { AcceptForm } from '@/features/projects/accept-form';

export default function ProjectAcceptPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  return (
    <PageRoot className="page-project-accept">
      <AcceptForm projectId={id} />
    </PageRoot>
  );
}
