import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CONCLUSION_PARTS, EVALUATION_CRITERIA } from '@/domain/project-machine';
import { PROJECT_LIMITS, type ProjectEntryView, type ProjectView } from '@/domain/project.schema';
import { formatShanghaiDate } from '@/domain/shanghai-time';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { TextArea } from '@/components/text-area';
import { confirmAction } from '@/lib/confirm';
import { newRequestId } from '@/lib/request-id';
import { askToNotify } from '@/lib/subscribe-message';
import { useAction } from '@/lib/use-action';
import { urlOf } from '@/routes';
import './projects.scss';

type Detail = { project: ProjectView; entries: ProjectEntryView[] };

function Body({ project, entries }: Detail) {
  return (
    <>
      <Section title={project.title} className="projects e2e-project-detail">
        <Text className="projects__line">{`${project.number ?? '未编号'} · ${project.typeLabel}${project.promotedTo ? '（已推广）' : ''}`}</Text>
        <Text className="projects__line e2e-project-status">{`状态：${project.statusLabel}`}</Text>
        <Text className="projects__line">{`申报组织：${project.orgName}　开始日期：${project.startDate}`}</Text>
        {project.returnReason && <Text className="projects__warn">{`退回原因：${project.returnReason}`}</Text>}
        <Text className="projects__line">{`项目背景：${project.background}`}</Text>
        <Text className="projects__line">{`项目目标：${project.aims}`}</Text>
        <Text className="projects__line">{`主要措施：${project.measures}`}</Text>
        <Text className="projects__line">{`预期成效：${project.expectedResults}`}</Text>
        <Text className="projects__line">{`推进小组：${project.team.join('、')}`}</Text>
      </Section>
      <Section title={`推进节点（完成 ${project.doneCount}/${project.milestones.length}）`} className="projects">
        {project.milestones.map((m, i) => (
          <View key={i} className="projects__card e2e-milestone">
            <Text className="projects__title">{`${i + 1}. ${m.title}`}</Text>
            <Text className={m.overdue ? 'projects__warn' : 'projects__line'}>{m.doneAt ? `已完成（${m.doneAt}）` : m.overdue ? `已逾期（应于 ${m.dueDate} 完成）` : `计划 ${m.dueDate} 完成`}</Text>
          </View>
        ))}
      </Section>
      {project.report && (
        <Section title="结题报告" className="projects">
          {CONCLUSION_PARTS.map((p) => (
            <Text key={p.key} className="projects__line">{`${p.label}：${project.report?.[p.key] ?? ''}`}</Text>
          ))}
        </Section>
      )}
      {project.evaluation && (
        <Section title={`验收评估：${project.evaluation.passed ? '通过' : '未通过'}`} className="projects e2e-project-evaluation">
          {EVALUATION_CRITERIA.map((c) => (
            <Text key={c.key} className="projects__line">{`${c.label}：${project.evaluation?.scores[c.key]} 分`}</Text>
          ))}
          <Text className="projects__line">{`验收意见：${project.evaluation.comment}`}</Text>
        </Section>
      )}
      <Section title="推进记录" className="projects">
        {entries.length === 0 && <Text className="projects__line">暂无记录</Text>}
        {entries.map((e) => (
          <View key={e.id} className="projects__card e2e-project-entry">
            <Text className="projects__line">{`${formatShanghaiDate(e.at)} ${e.byName}${e.kind === 'dispatch' ? `（${e.quarter} 调度）` : e.statusLabel ? `（${e.statusLabel}）` : ''}`}</Text>
            <Text className="projects__line">{e.milestoneIndex !== null ? `节点 ${e.milestoneIndex + 1}：${e.text}` : e.text}</Text>
            {e.rectification && <Text className="projects__warn">{`整改要求：${e.rectification}`}</Text>}
          </View>
        ))}
      </Section>
    </>
  );
}

/** The forms and buttons of what the viewer may do now (the server sends `actions` from the same policies). */
function Actions({ project, onDone }: { project: ProjectView; onDone: () => void }) {
  const can = (a: ProjectView['actions'][number]) => project.actions.includes(a);
  const { run, running, errors, clearError } = useAction({ fields: ['reason', 'text', 'rectification', 'milestoneIndex', ...CONCLUSION_PARTS.map((p) => `report.${p.key}`)] });
  const [reason, setReason] = useState('');
  const [progress, setProgress] = useState({ milestoneIndex: '0', text: '', completes: 'no' });
  const [dispatch, setDispatch] = useState({ text: '', rectification: '' });
  const [report, setReport] = useState({ overview: '', implementation: '', results: '', assessment: '' });
  const [ids] = useState(() => ({ progress: newRequestId(), dispatch: newRequestId() }));
  const after = (r: unknown) => r !== undefined && onDone();
  const projectId = project.id;

  return (
    <>
      {can('review') && (
        <Section title="立项审批" className="projects e2e-review-form">
          <FormField name="reason" label="退回原因（退回时填写）" error={errors.reason}>
            <TextArea className="e2e-input-reason" value={reason} limit={PROJECT_LIMITS.reason} onChange={(v) => { setReason(v); clearError('reason'); }} />
          </FormField>
          <View className="projects__row">
            <AppButton className="e2e-project-return" loading={running === 'return'} onClick={async () => after(await run('org', 'reviewProject', { projectId, decision: 'return', reason }, { key: 'return', done: '已退回' }))}>
              退回修改
            </AppButton>
          </View>
        </Section>
      )}
      {can('addProgress') && (
        <Section title="记录推进情况" className="projects e2e-progress-form">
          <FormField name="milestoneIndex" label="推进节点" required error={errors.milestoneIndex}>
            <OptionPicker title="推进节点" hook="milestone" value={progress.milestoneIndex} options={project.milestones.map((m, i) => ({ value: String(i), label: `${i + 1}. ${m.title}` }))} onChange={(v) => setProgress((p) => ({ ...p, milestoneIndex: v }))} />
          </FormField>
          <FormField name="completes" label="该节点是否已完成">
            <OptionPicker title="该节点是否已完成" hook="completes" value={progress.completes} options={[{ value: 'no', label: '尚未完成' }, { value: 'yes', label: '已完成' }]} onChange={(v) => setProgress((p) => ({ ...p, completes: v }))} />
          </FormField>
          <FormField name="text" label="推进情况" required error={errors.text}>
            <TextArea className="e2e-input-progress" value={progress.text} limit={PROJECT_LIMITS.progress} onChange={(v) => { setProgress((p) => ({ ...p, text: v })); clearError('text'); }} />
          </FormField>
          <AppButton className="e2e-progress-submit" block loading={running === 'addProjectProgress'} onClick={async () => after(await run('org', 'addProjectProgress', { projectId, milestoneIndex: Number(progress.milestoneIndex), text: progress.text, completes: progress.completes === 'yes', requestId: ids.progress }, { done: '已记录' }))}>
            保存推进情况
          </AppButton>
        </Section>
      )}
      {can('dispatch') && (
        <Section title="记录本季度调度" className="projects e2e-dispatch-form">
          <FormField name="text" label="调度情况" required error={errors.text}>
            <TextArea className="e2e-input-dispatch" value={dispatch.text} limit={PROJECT_LIMITS.dispatch} onChange={(v) => { setDispatch((d) => ({ ...d, text: v })); clearError('text'); }} />
          </FormField>
          <FormField name="rectification" label="整改要求" required error={errors.rectification}>
            <TextArea className="e2e-input-rectification" value={dispatch.rectification} limit={PROJECT_LIMITS.dispatch} onChange={(v) => { setDispatch((d) => ({ ...d, rectification: v })); clearError('rectification'); }} />
          </FormField>
          <AppButton className="e2e-dispatch-submit" block loading={running === 'dispatchProject'} onClick={async () => after(await run('org', 'dispatchProject', { projectId, ...dispatch, requestId: ids.dispatch }, { done: '调度已记录，已通知项目' }))}>
            保存调度并通知项目
          </AppButton>
        </Section>
      )}
      {can('conclude') && (
        <Section title="结题报告" className="projects e2e-conclude-form">
          {CONCLUSION_PARTS.map((p) => (
            <FormField key={p.key} name={`report.${p.key}`} label={p.label} required error={errors[`report.${p.key}`]}>
              <TextArea className={`e2e-input-${p.key}`} value={report[p.key]} limit={PROJECT_LIMITS.reportPart} onChange={(v) => { setReport((r) => ({ ...r, [p.key]: v })); clearError(`report.${p.key}`); }} />
            </FormField>
          ))}
        </Section>
      )}
      {(can('revise') || can('review') || can('start') || can('conclude') || can('accept') || can('promote')) && (
        <BottomBar>
          {can('revise') && (
            <AppButton className="e2e-project-resubmit" type="primary" block onClick={() => void Taro.navigateTo({ url: urlOf('projectResubmit', { id: projectId }) })}>
              修改后重新申报
            </AppButton>
          )}
          {can('review') && (
            <AppButton className="e2e-project-approve" type="primary" block loading={running === 'approve'} onClick={async () => {
              if (await confirmAction({ title: '同意立项', content: '立项后项目将获得编号并公开。', confirmText: '立项' })) after(await run('org', 'reviewProject', { projectId, decision: 'approve' }, { key: 'approve', done: '已立项' }));
            }}>
              同意立项
            </AppButton>
          )}
          {can('start') && (
            <AppButton className="e2e-project-start" type="primary" block loading={running === 'startProject'} onClick={async () => {
              await askToNotify(['projectMilestoneDue', 'projectDispatched']);
              after(await run('org', 'startProject', { projectId }, { done: '项目已启动。下一步：按节点记录推进情况' }));
            }}>
              启动项目
            </AppButton>
          )}
          {can('conclude') && (
            <AppButton className="e2e-project-conclude" type="primary" block loading={running === 'concludeProject'} onClick={async () => {
              if (await confirmAction({ title: '提交结题', content: '提交后等待上级党组织验收，不能再记录推进情况。', confirmText: '提交' })) after(await run('org', 'concludeProject', { projectId, report }, { done: '已提交结题。下一步：等待上级验收' }));
            }}>
              提交结题报告
            </AppButton>
          )}
          {can('accept') && (
            <AppButton className="e2e-project-accept" type="primary" block onClick={() => void Taro.navigateTo({ url: urlOf('projectAccept', { id: projectId }) })}>
              验收评估
            </AppButton>
          )}
          {can('promote') && (
            <AppButton className="e2e-project-promote" type="primary" block loading={running === 'promoteProject'} onClick={async () => {
              if (await confirmAction({ title: '推广项目', content: '推广后项目升为下一类型，不能撤回。', confirmText: '推广' })) after(await run('org', 'promoteProject', { projectId }, { done: '已推广' }));
            }}>
              推广到下一类型
            </AppButton>
          )}
        </BottomBar>
      )}
    </>
  );
}

export function ProjectDetail({ detail, onDone }: { detail: Detail; onDone: () => void }) {
  return (
    <View className="projects">
      <Body {...detail} />
      <Actions project={detail.project} onDone={onDone} />
    </View>
  );
}
