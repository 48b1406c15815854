import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AppButton } from '@/components/app-button';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { urlOf } from '@/routes';
import './org.scss';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** 党组织工作: the organisations the person is secretary of or granted, each with its 定诺/评诺 queue, its page and its projects (its own, and the 调度 of those below it). */
export function MyOrgs() {
  const { state, reload } = useAsync(() => call('org', 'mine', {}), []);
  useReloadOnShow(() => reload());
  return (
    <AsyncView
      state={state}
      onRetry={() => void reload()}
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyState title="您还不是党组织书记或工作人员" description="如需开通，请联系系统管理员在组织架构中设置" />}
    >
      {(d) => (
        <View className="org e2e-my-orgs">
          {d.items.map((o) => (
            <Section key={o.id} title={o.name} className="e2e-my-org">
              <Text className="org__line">{o.typeLabel}</Text>
              <View className="org__row">
                <AppButton className="e2e-open-pledge-review" type="primary" onClick={() => void Taro.navigateTo({ url: urlOf('orgPledgeReview', { orgId: o.id }) })}>
                  定诺与评诺
                </AppButton>
                <AppButton className="e2e-open-org-page" onClick={() => void Taro.navigateTo({ url: urlOf('orgPage', { orgId: o.id }) })}>
                  组织主页
                </AppButton>
                <AppButton className="e2e-open-org-projects" onClick={() => void Taro.navigateTo({ url: urlOf('orgProjects', { orgId: o.id }) })}>
                  本组织党建项目
                </AppButton>
                <AppButton className="e2e-open-project-dispatch" onClick={() => void Taro.navigateTo({ url: urlOf('projectDispatch', { orgId: o.id }) })}>
                  下级项目调度
                </AppButton>
              </View>
            </Section>
          ))}
        </View>
      )}
    </AsyncView>
  );
}
