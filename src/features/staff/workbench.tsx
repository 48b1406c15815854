import Taro from '@tarojs/taro';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { hasOrgWork } from '@/domain/organisation.policy';
import type { MeView } from '@/domain/user.schema';
import { Section } from '@/components/section';
import { ListCell, ListGroup } from '@/components/list-cell';
import { EmptyState } from '@/components/state-views';
import { OptionPicker } from '@/components/option-picker';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { hasRole } from '@/lib/role-labels';
import { useHolidayWarning } from '@/lib/use-holiday-warning';
import { WarningBar } from '@/components/warning-bar';
import { CommunityMembers, type Reloadable } from './community-members';
import { staffCommunities } from '@/lib/staff-communities';
import { WORKBENCH_AREAS, WORKBENCH_PENDING } from './workbench-areas';

/** 社区工作台: the community's member roll now, the other areas as they are built. */
export const Workbench = forwardRef<Reloadable, { me: MeView }>(function Workbench({ me }, ref) {
  const communities = staffCommunities(me.grants);
  const [communityId, setCommunityId] = useState(communities[0]?.id ?? '');
  const members = useRef<Reloadable>(null);
  const isStaff = hasRole(me, 'community_staff', 'league_staff');
  // Every queue's pending count in one call; a failed read leaves the rows without counts rather than the page empty.
  const { state: counts, reload: reloadCounts } = useAsync(() => (isStaff ? call('user', 'workbench', communityId ? { communityId } : {}) : Promise.resolve(null)), [communityId, isStaff]);
  useImperativeHandle(ref, () => ({ reload: async () => void (await Promise.all([members.current?.reload(), reloadCounts()])) }), [reloadCounts]);
  const holidayWarning = useHolidayWarning(isStaff);

  if (!isStaff) {
    return <EmptyState title="仅社区工作人员可用" description="如需开通，请联系系统管理员授予角色" />;
  }

  return (
    <View className="workbench">
      <WarningBar text={holidayWarning} hook="holiday-warning" />
      <Section title="党员名册">
        {communities.length === 0 ? (
          <EmptyState title="暂无负责的社区" description="您的角色范围不是具体社区" />
        ) : (
          <>
            {communities.length > 1 && (
              <View style={{ padding: '0 16px' }}>
                <OptionPicker
                  hook="workbench-community"
                  title="选择社区"
                  options={communities.map((c) => ({ value: c.id, label: c.name }))}
                  value={communityId}
                  onChange={setCommunityId}
                />
              </View>
            )}
            <CommunityMembers ref={members} communityId={communityId} />
          </>
        )}
      </Section>
      <Section title="工作事项">
        <ListGroup className="e2e-workbench-areas">
          {/* An area is listed once it is built (has its page): nothing here says 即将上线. */}
          {WORKBENCH_AREAS.filter((a) => a.url && (a.key !== 'org-pledges' || hasOrgWork(me, me.leadsOrg)) && (a.key !== 'stars' || counts.data?.stars !== undefined)).map((a) => {
            const pending = WORKBENCH_PENDING[a.key];
            const n = pending ? counts.data?.[pending.count] : undefined;
            return (
              <ListCell
                key={a.key}
                className={`e2e-workbench-${a.key}`}
                title={a.title}
                description={pending && n !== undefined ? <Text className={`workbench__pending e2e-workbench-pending-${a.key}${n > 0 ? ' workbench__pending--some' : ''}`}>{`${pending.label} ${n}`}</Text> : undefined}
                onClick={() => void Taro.navigateTo({ url: a.url as string })}
              />
            );
          })}
        </ListGroup>
      </Section>
    </View>
  );
});
