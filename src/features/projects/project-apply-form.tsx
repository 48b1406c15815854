import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PROJECT_TYPE_LABELS, PROJECT_TYPES, type ProjectType } from '@/domain/project-machine';
import { PROJECT_LIMITS, type ProjectView } from '@/domain/project.schema';
import { addShanghaiMonths, formatShanghaiDate } from '@/domain/shanghai-time';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { TextArea } from '@/components/text-area';
import { TextInput } from '@/components/text-input';
import { confirmAction } from '@/lib/confirm';
import { newRequestId } from '@/lib/request-id';
import { useAction } from '@/lib/use-action';
import { urlOf } from '@/routes';
import { DateField } from './date-field';
import './projects.scss';

const TEXTS = [
  { key: 'background', label: '项目背景', hint: '为什么要做这个项目' },
  { key: 'aims', label: '项目目标', hint: '要达到什么目标' },
  { key: 'measures', label: '主要措施', hint: '怎么做，分几步' },
  { key: 'expectedResults', label: '预期成效', hint: '做成后群众能看到什么变化' },
] as const;

/**
 * 申报: an organisation's secretary, 联系人 or staff applies for a party-building project. With `returned`, the same
 * form holds a returned application's fields for correcting and 重新申报 (a revised plan may keep its start date).
 */
export function ProjectApplyForm({ orgId, returned }: { orgId: string; returned?: ProjectView }) {
  const today = formatShanghaiDate(new Date());
  const [title, setTitle] = useState(returned?.title ?? '');
  const [type, setType] = useState<ProjectType>(returned?.type ?? 'pilot');
  const [texts, setTexts] = useState(
    returned ? { background: returned.background, aims: returned.aims, measures: returned.measures, expectedResults: returned.expectedResults } : { background: '', aims: '', measures: '', expectedResults: '' },
  );
  const [startDate, setStartDate] = useState(returned?.startDate ?? today);
  // The first milestone starts a month out: a date to adjust rather than an empty picker.
  const [milestones, setMilestones] = useState(
    returned ? returned.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate })) : [{ title: '', dueDate: formatShanghaiDate(addShanghaiMonths(new Date(), 1)) }],
  );
  const [team, setTeam] = useState(returned?.team.join('、') ?? '');
  const [requestId] = useState(newRequestId);
  const earliestStart = returned && returned.startDate < today ? returned.startDate : today;
  const fields = ['title', 'type', 'startDate', 'team', 'milestones', ...TEXTS.map((t) => t.key), ...milestones.flatMap((_, i) => [`milestones.${i}.title`, `milestones.${i}.dueDate`])];
  const { run, busy, errors, clearError } = useAction({ fields });
  const setMilestone = (i: number, patch: Partial<{ title: string; dueDate: string }>) => setMilestones((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async () => {
    const teamNames = team.split(/[，,、\s]+/).filter(Boolean);
    const plan = { title, type, ...texts, startDate, milestones, team: teamNames };
    if (returned) {
      if (!(await confirmAction({ title: '重新申报', content: '重新申报后由上级党组织再次审核立项，审核期间不能修改。', confirmText: '重新申报' }))) return;
      const sent = await run('org', 'reviseProject', { projectId: returned.id, ...plan }, { done: '已重新申报' });
      if (sent) void Taro.redirectTo({ url: urlOf('projectDetail', { id: sent.id }) });
      return;
    }
    if (!(await confirmAction({ title: '提交申报', content: '提交后由上级党组织审核立项，审核期间不能修改。', confirmText: '提交' }))) return;
    const made = await run('org', 'applyProject', { orgId, ...plan, requestId }, { done: '已提交申报' });
    if (made) void Taro.redirectTo({ url: urlOf('projectDetail', { id: made.id }) });
  };

  return (
    <Section title={returned ? '修改后重新申报' : '申报党建项目'} className="projects e2e-project-apply">
      {returned?.returnReason && <Text className="projects__warn e2e-project-return-reason">{`退回原因：${returned.returnReason}`}</Text>}
      <FormField name="title" label="项目名称" required error={errors.title}>
        <TextInput className="e2e-input-title" value={title} limit={PROJECT_LIMITS.title} placeholder="例如：红色楼栋长志愿服务" onChange={(v) => { setTitle(v); clearError('title'); }} />
      </FormField>
      <FormField name="type" label="项目类型" required error={errors.type}>
        <OptionPicker title="项目类型" hook="project-type" value={type} options={PROJECT_TYPES.map((t) => ({ value: t, label: PROJECT_TYPE_LABELS[t] }))} onChange={(v) => setType(v as ProjectType)} />
      </FormField>
      {TEXTS.map((t) => (
        <FormField key={t.key} name={t.key} label={t.label} hint={t.hint} required error={errors[t.key]}>
          <TextArea className={`e2e-input-${t.key}`} value={texts[t.key]} limit={PROJECT_LIMITS[t.key]} onChange={(v) => { setTexts((s) => ({ ...s, [t.key]: v })); clearError(t.key); }} />
        </FormField>
      ))}
      <FormField name="startDate" label="开始日期" required error={errors.startDate}>
        <DateField hook="start" value={startDate} start={earliestStart} onChange={(v) => { setStartDate(v); clearError('startDate'); }} />
      </FormField>
      {milestones.map((m, i) => (
        <View key={i} className="projects__card">
          <Text className="projects__title">{`推进节点 ${i + 1}`}</Text>
          <FormField name={`milestones.${i}.title`} label="节点名称" required error={errors[`milestones.${i}.title`]}>
            <TextInput className={`e2e-input-milestone-${i}`} value={m.title} limit={PROJECT_LIMITS.milestoneTitle} onChange={(v) => setMilestone(i, { title: v })} />
          </FormField>
          <FormField name={`milestones.${i}.dueDate`} label="完成日期" required error={errors[`milestones.${i}.dueDate`]}>
            <DateField hook={`milestone-${i}`} value={m.dueDate} start={startDate} onChange={(v) => { setMilestone(i, { dueDate: v }); clearError(`milestones.${i}.dueDate`); }} />
          </FormField>
        </View>
      ))}
      {errors.milestones && <Text className="projects__warn">{errors.milestones}</Text>}
      <View className="projects__row">
        <AppButton className="e2e-add-milestone" onClick={() => setMilestones((ms) => [...ms, { title: '', dueDate: '' }])} disabled={milestones.length >= 12}>
          添加节点
        </AppButton>
        {milestones.length > 1 && <AppButton onClick={() => setMilestones((ms) => ms.slice(0, -1))}>删除最后一个节点</AppButton>}
      </View>
      <FormField name="team" label="推进小组成员" hint="填写姓名，用顿号分隔" required error={errors.team}>
        <TextInput className="e2e-input-team" value={team} maxLength={200} placeholder="例如：王明、李华" onChange={(v) => { setTeam(v); clearError('team'); }} />
      </FormField>
      <BottomBar>
        <AppButton className="e2e-project-submit" type="primary" block loading={busy} onClick={() => void submit()}>
          {returned ? '重新申报' : '提交申报'}
        </AppButton>
      </BottomBar>
    </Section>
  );
}
