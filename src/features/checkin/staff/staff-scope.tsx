import type { ReactNode } from 'react';
import { AsyncView, EmptyState } from '@/components/state-views';
import { staffCommunities } from '@/lib/staff-communities';
import { useMe } from '@/lib/use-me';

/** Staff pages act for the community the person is staff of (the first, when several). */
export function StaffScope({ children }: { children: (community: { id: string; name: string }) => ReactNode }) {
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
