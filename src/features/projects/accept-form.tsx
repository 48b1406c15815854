import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { EVALUATION_CRITERIA, EVALUATION_PASS, evaluationPasses, type EvaluationKey } from '@/domain/project-machine';
import { PROJECT_LIMITS } from '@/domain/project.schema';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { TextArea } from '@/components/text-area';
import { confirmAction } from '@/lib/confirm';
import { useAction } from '@/lib/use-action';
import './projects.scss';

/** Scores are picked in steps of 5 (0–100): older reviewers pick, they do not type numbers. */
const SCORE_OPTIONS = Array.from({ length: 21 }, (_, i) => String(100 - i * 5)).map((v) => ({ value: v, label: `${v} 分` }));

/** 验收 + 评估 by the level above: four scores and a comment; the pass rule is the domain's. */
export function AcceptForm({ projectId }: { projectId: string }) {
  const [scores, setScores] = useState<Record<EvaluationKey, string>>({ goalRate: '', satisfaction: '', benefit: '', replicability: '' });
  const [comment, setComment] = useState('');
  const { run, busy, errors, setErrors, clearError } = useAction({ fields: ['comment', ...EVALUATION_CRITERIA.map((c) => `scores.${c.key}`)] });
  const complete = EVALUATION_CRITERIA.every((c) => scores[c.key] !== '');
  const numbers = Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c.key, Number(scores[c.key])])) as Record<EvaluationKey, number>;
  const passes = complete && evaluationPasses(numbers);

  return (
    <Section title="验收评估" className="projects e2e-accept-form">
      {EVALUATION_CRITERIA.map((c) => (
        <FormField key={c.key} name={`scores.${c.key}`} label={c.label} required error={errors[`scores.${c.key}`]}>
          <OptionPicker title={c.label} hook={`score-${c.key}`} value={scores[c.key]} options={SCORE_OPTIONS} placeholder="请选择分数" onChange={(v) => { setScores((s) => ({ ...s, [c.key]: v })); clearError(`scores.${c.key}`); }} />
        </FormField>
      ))}
      <Text className="projects__line">{complete ? `评估结果：${passes ? '通过' : '未通过'}（每项不低于 ${EVALUATION_PASS} 分且平均不低于 ${EVALUATION_PASS} 分为通过）` : `每项不低于 ${EVALUATION_PASS} 分且平均不低于 ${EVALUATION_PASS} 分为通过`}</Text>
      <FormField name="comment" label="验收意见" required error={errors.comment}>
        <TextArea className="e2e-input-comment" value={comment} limit={PROJECT_LIMITS.comment} onChange={(v) => { setComment(v); clearError('comment'); }} />
      </FormField>
      <BottomBar>
        <AppButton className="e2e-accept-submit" type="primary" block loading={busy} onClick={async () => {
          // A score left unpicked is said under its field (a disabled button would not say why).
          const missing = EVALUATION_CRITERIA.filter((c) => scores[c.key] === '');
          if (missing.length > 0) return setErrors(Object.fromEntries(missing.map((c) => [`scores.${c.key}`, `请为${c.label}打分`])));
          if (!(await confirmAction({ title: passes ? '验收通过' : '验收不通过', content: '提交后不能修改，结果将告知申报组织。', confirmText: '提交' }))) return;
          const done = await run('org', 'acceptProject', { projectId, scores: numbers, comment }, { done: passes ? '验收通过' : '已记录验收未通过' });
          if (done) void Taro.navigateBack();
        }}>
          提交验收
        </AppButton>
      </BottomBar>
    </Section>
  );
}
