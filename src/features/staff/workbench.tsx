import Taro from '@tarojs/taro';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import type { MeView } from '@/domain/user.schema';
import { Section } from '@/components/section';
import { ListCell, ListGroup } from '@/components/list-cell';
import { EmptyState } from '@/components/state-views';
import { OptionPicker } from '@/components/option-picker';
import { COMING_SOON, toastComingSoon } from '@/components/toast';
import { hasRole } from '@/lib/role-labels';
import { useHolidayWarning } from '@/lib/use-holiday-warning';
import { WarningBar } from '@/components/warning-bar';
import { CommunityMembers, type Reloadable } from './community-members';
import { staffCommunities } from '@/lib/staff-communities';
import { WORKBENCH_AREAS } from './workbench-areas';

/** 社区工作台: the community's member roll now, the other areas as they are built. */
export const Workbench = forwardRef<Reloadable, { me: MeView }>(function Workbench({ me }, ref) {
  const communities = staffCommunities(me.grants);
  const [communityId, setCommunityId] = useState(communities[0]?.id ?? '');
  const members = useRef<Reloadable>(null);
  useImperativeHandle(ref, () => ({ reload: async () => members.current?.reload() }), []);
  const isStaff = hasRole(me, 'community_staff', 'league_staff');
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
          {WORKBENCH_AREAS.map((a) => (
            <ListCell
              key={a.key}
              className={`e2e-workbench-${a.key}`}
              title={a.title}
              description={a.url ? undefined : COMING_SOON}
              onClick={a.url ? () => void Taro.navigateTo({ url: a.url as string }) : toastComingSoon}
            />
          ))}
        </ListGroup>
      </Section>
    </View>
  );
});
