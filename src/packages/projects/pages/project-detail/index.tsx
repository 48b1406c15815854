import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { AsyncView } from '@/components/state-views';
import { ProjectDetail } from '@/features/projects/project-detail';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

export default function ProjectDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const { state, reload } = useAsync(() => call('org', 'projectDetail', { projectId: id }), [id]);
  // Back from the 验收 page: the status and the buttons follow.
  useReloadOnShow(() => reload());
  return (
    <PageRoot className="page-project-detail">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(detail) => <ProjectDetail detail={detail} onDone={() => void reload()} />}
      </AsyncView>
    </PageRoot>
  );
}
