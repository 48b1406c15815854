import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PROJECT_TYPE_LABELS, PROJECT_TYPES, type ProjectType } from '@/domain/project-machine';
import { PROJECT_LIMITS } from '@/domain/project.schema';
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

/** 申报: an organisation's secretary, 联系人 or staff applies for a party-building project. */
export function ProjectApplyForm({ orgId }: { orgId: string }) {
  const today = formatShanghaiDate(new Date());
  const [title, setTitle] = useState('');
  const [type, setType] = useState<ProjectType>('pilot');
  const [texts, setTexts] = useState({ background: '', aims: '', measures: '', expectedResults: '' });
  const [startDate, setStartDate] = useState(today);
  // The first milestone starts a month out: a date to adjust rather than an empty picker.
  const [milestones, setMilestones] = useState([{ title: '', dueDate: formatShanghaiDate(addShanghaiMonths(new Date(), 1)) }]);
  const [team, setTeam] = useState('');
  const [requestId] = useState(newRequestId);
  const fields = ['title', 'type', 'startDate', 'team', 'milestones', ...TEXTS.map((t) => t.key), ...milestones.flatMap((_, i) => [`milestones.${i}.title`, `milestones.${i}.dueDate`])];
  const { run, busy, errors, clearError } = useAction({ fields });
  const setMilestone = (i: number, patch: Partial<{ title: string; dueDate: string }>) => setMilestones((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async () => {
    if (!(await confirmAction({ title: '提交申报', content: '提交后由上级党组织审核立项，审核期间不能修改。', confirmText: '提交' }))) return;
    const teamNames = team.split(/[，,、\s]+/).filter(Boolean);
    const made = await run('org', 'applyProject', { orgId, title, type, ...texts, startDate, milestones, team: teamNames, requestId }, { done: '已提交申报' });
    if (made) void Taro.redirectTo({ url: urlOf('projectDetail', { id: made.id }) });
  };

  return (
    <Section title="申报党建项目" className="projects e2e-project-apply">
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
        <DateField hook="start" value={startDate} start={today} onChange={(v) => { setStartDate(v); clearError('startDate'); }} />
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
          提交申报
        </AppButton>
      </BottomBar>
    </Section>
  );
}
