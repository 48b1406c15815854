import { forwardRef, useImperativeHandle } from 'react';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { ListCell, ListGroup } from '@/components/list-cell';
import { PhoneLink } from '@/components/phone-link';

export interface Reloadable {
  reload: () => Promise<void>;
}

/** 党员名册 of one community. Phones come masked unless the caller is that community's staff. */
export const CommunityMembers = forwardRef<Reloadable, { communityId: string }>(function CommunityMembers({ communityId }, ref) {
  const { state, reload } = useAsync(() => call('user', 'listCommunityMembers', { communityId }).then((r) => r.items), [communityId]);
  useImperativeHandle(ref, () => ({ reload }), [reload]);
  return (
    <AsyncView
      state={state}
      onRetry={() => void reload()}
      isEmpty={(items) => items.length === 0}
      empty={<EmptyState title="暂无党员" description="还没有在职党员选择本社区" />}
    >
      {(items) => (
        <ListGroup className="e2e-community-members">
          {items.map((m) => (
            <ListCell
              key={m.openid}
              className="e2e-community-member"
              title={m.name}
              description={`${m.workUnitName || m.workUnitId} · ${m.partyBranch}`}
              extra={<PhoneLink phone={m.phone} />}
            />
          ))}
        </ListGroup>
      )}
    </AsyncView>
  );
});
