import type { ReactNode } from 'react';
import { AsyncView, EmptyState } from '@/components/state-views';
import { staffCommunities } from '@/lib/staff-communities';
import { useMe } from '@/lib/use-me';

/** Ledger pages act for the caller's own scope, read from their grants (the server checks the same scope). */
export function CommunityScope({ children }: { children: (community: { id: string; name: string }) => ReactNode }) {
  const { state, reload } = useMe();
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(me) => {
        const community = staffCommunities(me.grants)[0];
        return community ? children(community) : <EmptyState title="仅社区工作人员可用" description="如需开通，请联系系统管理员授予社区工作人员角色" />;
      }}
    </AsyncView>
  );
}

export function UnitScope({ children }: { children: (unit: { id: string; name: string }) => ReactNode }) {
  const { state, reload } = useMe();
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(me) => {
        const grant = me.grants.find((g) => g.role === 'unit_admin' && g.scopeType === 'unit');
        return grant ? children({ id: grant.scopeId, name: grant.scopeName }) : <EmptyState title="仅单位党组织管理员可用" description="如需开通，请联系系统管理员授予单位党组织管理员角色" />;
      }}
    </AsyncView>
  );
}
