import { PageRoot } from '@/components/page-root';
import { Dashboard } from '@/features/stats/dashboard';
import { aboveScopeOf, WithGrants } from '@/features/stats/stats-scope';

export default function DashboardPage() {
  return (
    <PageRoot className="page-stats-dashboard">
      <WithGrants pick={aboveScopeOf} empty={{ title: '仅街道工作人员或系统管理员可用', description: '如需开通，请联系系统管理员授予街道工作人员角色' }}>
        {(scope) => <Dashboard streetId={scope.streetId} />}
      </WithGrants>
    </PageRoot>
  );
}
