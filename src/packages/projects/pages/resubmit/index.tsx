import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { AsyncView, EmptyState } from '@/components/state-views';
import { ProjectApplyForm } from '@/features/projects/project-apply-form';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';

/** A returned application, its fields filled in, for correcting and 重新申报 (only for whom the detail offers it). */
export default function ProjectResubmitPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const { state, reload } = useAsync(() => call('org', 'projectDetail', { projectId: id }), [id]);
  return (
    <PageRoot className="page-project-resubmit">
      <AsyncView
        state={state}
        onRetry={() => void reload()}
        isEmpty={(detail) => !detail.project.actions.includes('revise')}
        empty={<EmptyState title="该申报不能修改" description="只有被退回的申报，由申报组织的书记、联系人或党组织工作人员修改后重新申报。" />}
      >
        {(detail) => <ProjectApplyForm orgId={detail.project.orgId} returned={detail.project} />}
      </AsyncView>
    </PageRoot>
  );
}
