import { PageRoot } from '@/components/page-root';
import { QuarterlyTable } from '@/features/stats/quarterly';
import { quarterlyScopeOf, WithGrants } from '@/features/stats/stats-scope';

export default function QuarterlyPage() {
  return (
    <PageRoot className="page-stats-quarterly">
      <WithGrants pick={quarterlyScopeOf} empty={{ title: '仅单位党组织管理员或社区工作人员可用', description: '如需开通，请联系系统管理员授予相应角色' }}>
        {(scope) => <QuarterlyTable scopeType={scope.scopeType} scopeId={scope.scopeId} />}
      </WithGrants>
    </PageRoot>
  );
}
