import { PageRoot } from '@/components/page-root';
import { aboveScopeOf, WithGrants } from '@/features/stats/stats-scope';
import { Submissions } from '@/features/stats/submissions';

export default function SubmissionsPage() {
  return (
    <PageRoot className="page-stats-submissions">
      <WithGrants pick={aboveScopeOf} empty={{ title: '仅街道工作人员或系统管理员可用', description: '如需开通，请联系系统管理员授予街道工作人员角色' }}>
        {() => <Submissions />}
      </WithGrants>
    </PageRoot>
  );
}
