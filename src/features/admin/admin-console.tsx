import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MeView } from '@/domain/user.schema';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { toastSuccess } from '@/components/toast';
import { grantLabel } from '@/lib/role-labels';
import { CommunityForm } from './community-form';
import { UnitForm } from './unit-form';
import { GrantForm } from './grant-form';
import { HolidayForm } from './holiday-form';
import { PostLimitsForm } from './post-limits-form';
import { OrgTree } from './org-tree';
import { WarningBar } from '@/components/warning-bar';
import './admin-console.scss';
import { call } from '@/lib/cloud';

type Tab = 'community' | 'unit' | 'grant' | 'holiday' | 'limits' | 'org';
const TABS: { key: Tab; title: string }[] = [
  { key: 'community', title: '创建社区' },
  { key: 'unit', title: '创建单位' },
  { key: 'grant', title: '授予角色' },
  { key: 'holiday', title: '节假日' },
  { key: 'limits', title: '发布上限' },
  { key: 'org', title: '党组织' },
];

/** 管理后台: create communities and units, grant staff roles. The function checks the permission again. */
export function AdminConsole({ me }: { me: MeView }) {
  const [tab, setTab] = useState<Tab>('community');
  const [result, setResult] = useState<string>('');
  const lists = useAsync(() => Promise.all([call('user', 'listCommunities').then((r) => r.items), call('user', 'listUnits').then((r) => r.items)]), []);
  const isAdmin = me.roles.includes('admin');
  const holidays = useAsync(() => (isAdmin ? call('user', 'holidayCalendar') : Promise.resolve(null)), [isAdmin]);
  const limits = useAsync(() => (isAdmin && tab === 'limits' ? call('user', 'postLimits') : Promise.resolve(null)), [isAdmin, tab === 'limits']);

  if (!isAdmin) {
    return <EmptyState title="仅系统管理员可用" description="如需开通，请联系系统管理员授予角色" />;
  }

  const done = (message: string) => {
    setResult(message);
    toastSuccess('操作成功');
    void lists.reload();
  };

  return (
    <View className="admin-console">
      <WarningBar text={holidays.state.data?.warning} hook="holiday-warning" />
      <View className="admin-console__tabs">
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`admin-console__tab e2e-admin-tab-${t.key}${tab === t.key ? ' admin-console__tab--active' : ''}`}
            onClick={() => {
              setTab(t.key);
              setResult('');
            }}
          >
            {t.title}
          </View>
        ))}
      </View>
      {result && <Text className="admin-console__result e2e-admin-result">{result}</Text>}
      <Section>
        {tab === 'community' && <CommunityForm onCreated={(c) => done(`已创建社区「${c.name}」，编号 ${c.id}`)} />}
        {tab === 'org' && <OrgTree onChanged={(message) => setResult(message)} />}
        {tab === 'unit' && <UnitForm onCreated={(u) => done(`已创建单位「${u.name}」，编号 ${u.id}`)} />}
        {tab === 'limits' && (
          <AsyncView state={limits.state} onRetry={() => void limits.reload()}>
            {(view) => view && <PostLimitsForm view={view} onSaved={() => setResult('已保存发布上限，约 1 分钟内生效')} />}
          </AsyncView>
        )}
        {tab === 'holiday' && (
          <AsyncView state={holidays.state} onRetry={() => void holidays.reload()}>
            {(calendar) =>
              calendar && (
                <HolidayForm
                  calendar={calendar}
                  onEntered={() => {
                    done('已录入节假日安排，未办结问题的预计期限将在 10 分钟内按新安排重新计算');
                    void holidays.reload();
                  }}
                />
              )
            }
          </AsyncView>
        )}
        {tab === 'grant' && (
          <AsyncView state={lists.state} onRetry={() => void lists.reload()}>
            {([communities, units]) => (
              <GrantForm communities={communities} units={units} onGranted={(g) => done(`已授予：${grantLabel(g)}`)} />
            )}
          </AsyncView>
        )}
      </Section>
    </View>
  );
}
