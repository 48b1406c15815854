import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { toCloudError } from '@/lib/cloud-error';
import { isSignedIn } from '@/lib/session';
import { useAsync } from '@/lib/use-async';
import { urlOf } from '@/routes';
import './org.scss';

/** Full names for the branch's secretary and staff of its subtree; everyone else gets the masked list. */
async function membersFor(orgId: string) {
  if (!isSignedIn()) return { ...(await call('org', 'members', { orgId })), full: false };
  try {
    return { ...(await call('org', 'roster', { orgId })), full: true };
  } catch (error) {
    if (toCloudError(error).code !== 'FORBIDDEN') throw error;
    return { ...(await call('org', 'members', { orgId })), full: false };
  }
}

function Members({ orgId }: { orgId: string }) {
  const { state, reload } = useAsync(() => membersFor(orgId), [orgId]);
  return (
    <Section title="党员" className="e2e-org-members">
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="本组织没有直接登记的党员" />}>
        {(d) => (
          <>
            <Text className="org__line">{d.full ? `共 ${d.items.length} 人（您是本组织书记或工作人员，可见全名）` : `共 ${d.items.length} 人（姓名已隐去部分）`}</Text>
            {d.items.map((m, i) => (
              <Text key={m.name + String(i)} className="org__line e2e-org-member">{`${m.name} · ${m.workUnitName}`}</Text>
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}

/** 亮承诺: approved pledges of the node and everything under it, names masked. */
function PublicPledges({ orgId }: { orgId: string }) {
  const { state, reload } = useAsync(() => call('org', 'publicPledges', { orgId }), [orgId]);
  return (
    <Section title="亮承诺" className="e2e-public-pledges">
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="还没有公开的承诺" description="党员的承诺经支部定诺后在这里公开" />}>
        {(d) => (
          <>
            {d.items.map((p) => (
              <View key={p.id} className="org__card e2e-public-pledge">
                <Text className="org__title">{p.text}</Text>
                <Text className="org__line">{`${p.memberName} · ${p.branchName} · ${p.category}`}</Text>
                <Text className="org__line">{`目标日期 ${p.targetDate} · 践诺记录 ${p.progressCount} 条`}</Text>
                {p.rating && <Text className="org__ok">{`评诺：${p.rating.gradeLabel}`}</Text>}
              </View>
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}

/** An organisation's public page: the node, its branches, its members and its pledges; `extra` is where other areas add theirs (projects, stars). */
export function OrgPage({ orgId, extra }: { orgId: string; extra?: ReactNode }) {
  const { state, reload } = useAsync(() => call('org', 'page', { orgId }), [orgId]);
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(d) => (
        <View className="org e2e-org-page">
          <Section title={d.org.name}>
            <Text className="org__line">{d.org.typeLabel}</Text>
            {d.org.parentName && d.org.parentId && (
              <View className="org__link e2e-org-parent" onClick={() => void Taro.navigateTo({ url: urlOf('orgPage', { orgId: d.org.parentId ?? '' }) })}>
                <Text>{`上级：${d.org.parentName}`}</Text>
                <Text>›</Text>
              </View>
            )}
            {d.org.secretaryName && <Text className="org__line">{`书记：${d.org.secretaryName}`}</Text>}
            {d.org.contactName && <Text className="org__line">{`联系人：${d.org.contactName}`}</Text>}
          </Section>
          {d.children.length > 0 && (
            <Section title="下级组织" className="e2e-org-children">
              {d.children.map((c) => (
                <View key={c.id} className="org__link e2e-org-child" onClick={() => void Taro.navigateTo({ url: urlOf('orgPage', { orgId: c.id }) })}>
                  <Text>{`${c.name}（${c.typeLabel}）`}</Text>
                  <Text>›</Text>
                </View>
              ))}
            </Section>
          )}
          {d.org.type === 'branch' && <Members orgId={orgId} />}
          <PublicPledges orgId={orgId} />
          {extra}
        </View>
      )}
    </AsyncView>
  );
}
