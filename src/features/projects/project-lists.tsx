import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProjectRow, PublicProjectRow } from '@/domain/project.schema';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { urlOf } from '@/routes';
import './projects.scss';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

function ProjectCard({ row }: { row: ProjectRow }) {
  return (
    <View className="projects__card e2e-project-row" onClick={() => void Taro.navigateTo({ url: urlOf('projectDetail', { id: row.id }) })}>
      <Text className="projects__title">{row.title}</Text>
      <Text className="projects__line">{`${row.number ?? '未编号'} · ${row.typeLabel} · ${row.statusLabel}`}</Text>
      <Text className="projects__line">{`${row.orgName} · 节点完成 ${row.doneCount}/${row.milestoneCount}${row.lastDispatchQuarter ? ` · 最近调度 ${row.lastDispatchQuarter}` : ''}`}</Text>
      {row.overdue.length > 0 && <Text className="projects__warn e2e-project-overdue">{`已逾期：${row.overdue.join('、')}`}</Text>}
    </View>
  );
}

/** An organisation's own projects, with 申报 at the bottom. */
export function OrgProjectList({ orgId }: { orgId: string }) {
  const { state, reload } = useAsync(() => call('org', 'orgProjects', { orgId }), [orgId]);
  useReloadOnShow(() => reload());
  return (
    <Section title="本组织的党建项目" className="projects e2e-org-projects">
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="还没有项目" description="点击下方按钮申报党建项目" />}>
        {(d) => (
          <>
            {d.items.map((row) => (
              <ProjectCard key={row.id} row={row} />
            ))}
          </>
        )}
      </AsyncView>
      <BottomBar>
        <AppButton className="e2e-project-apply" type="primary" block onClick={() => void Taro.navigateTo({ url: urlOf('projectApply', { orgId }) })}>
          申报项目
        </AppButton>
      </BottomBar>
    </Section>
  );
}

/** 调度: every project under the level, those awaiting 立项 or 验收 first, overdue milestones in red. */
export function DispatchList({ orgId }: { orgId: string }) {
  const { state, reload } = useAsync(() => call('org', 'projectDispatchList', { orgId }), [orgId]);
  useReloadOnShow(() => reload());
  return (
    <Section title="项目调度" className="projects e2e-dispatch-list">
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="下级组织还没有项目" description="下级党组织申报后会出现在这里" />}>
        {(d) => (
          <>
            <Text className="projects__line">{`本季度：${d.quarter}。点击项目可审批、记录调度或验收。`}</Text>
            {d.items.map((row) => (
              <ProjectCard key={row.id} row={row} />
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}

function PublicCard({ row }: { row: PublicProjectRow }) {
  return (
    <View className="projects__card e2e-public-project">
      <Text className="projects__title">{row.title}</Text>
      <Text className="projects__line">{`${row.number ?? ''} · ${row.typeLabel} · ${row.statusLabel}`}</Text>
      <Text className="projects__line">{`${row.orgName}：${row.aims}`}</Text>
    </View>
  );
}

/** 公开: an organisation's approved and accepted projects, readable by anyone. */
export function PublicProjectList({ orgId }: { orgId: string }) {
  const { state, reload } = useAsync(() => call('org', 'publicProjects', { orgId }), [orgId]);
  return (
    <Section title="党建项目" className="projects e2e-public-projects">
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="暂无公开的党建项目" description="项目立项后会在这里公开" />}>
        {(d) => (
          <>
            {d.items.map((row) => (
              <PublicCard key={row.id} row={row} />
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}
