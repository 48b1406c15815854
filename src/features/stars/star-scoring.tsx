import { Text, View } from '@tarojs/components';
import { eligibleStars, scoreOf, STAR_LABELS, STAR_LEVELS, type DirectDowngrade, type SheetItem, type StarSheet, type Stars } from '@/domain/star-rating';
import { STAR_REASON_MAX } from '@/domain/star.schema';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { TextArea } from '@/components/text-area';
import './stars.scss';

/** A deduction as the form holds it: strings from pickers, turned into numbers when sent. */
export interface DeductionDraft {
  itemKey: string;
  ruleCode: string;
  points: string;
  reason: string;
}

const OWN_REASON = 'own';

export const toDeductions = (drafts: DeductionDraft[]) =>
  drafts.map((d) => ({ itemKey: d.itemKey, ...(d.ruleCode && d.ruleCode !== OWN_REASON ? { ruleCode: d.ruleCode } : {}), points: Number(d.points || 0), reason: d.reason }));

export const fromDeductions = (deductions: { itemKey: string; ruleCode?: string; points: number; reason: string }[]): DeductionDraft[] =>
  deductions.map((d) => ({ itemKey: d.itemKey, ruleCode: d.ruleCode ?? OWN_REASON, points: String(d.points), reason: d.reason }));

/** The points a rule allows: its fixed points, its multiples (per case), or 0.5 … the item's points (酌情). */
function pointOptions(item: SheetItem, ruleCode: string) {
  const rule = item.rules.find((r) => r.code === ruleCode);
  let values: number[];
  if (rule && rule.points > 0 && !rule.perCase) values = [rule.points];
  else if (rule && rule.points > 0) values = Array.from({ length: Math.floor(item.points / rule.points) }, (_, i) => (i + 1) * rule.points);
  else values = Array.from({ length: item.points * 2 }, (_, i) => (i + 1) / 2);
  return values.map((v) => ({ value: String(v), label: `扣 ${v} 分` }));
}

/** The proposed star the score allows, computed as the server does (the server checks it again). */
export function allowedStars(sheet: StarSheet, drafts: DeductionDraft[], bonus: number, recognised: boolean, downgrades: readonly DirectDowngrade[]): { total: number; allowed: Stars } {
  const score = scoreOf(sheet, { deductions: toDeductions(drafts), bonus });
  return { total: score.total, allowed: eligibleStars({ total: score.total, hasRecognisedProject: recognised, downgrades }) };
}

interface ItemProps {
  item: SheetItem;
  drafts: DeductionDraft[];
  references: { itemKey: string; label: string; value: string }[];
  errors: Record<string, string | undefined>;
  /** Index of each draft in the whole list (field errors are keyed by it). */
  indexOf: (d: DeductionDraft) => number;
  onChange: (index: number, draft: DeductionDraft) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  evidenceCount?: number;
  onAddEvidence?: () => void;
}

/** One item of the sheet: its 评分要点, the system's reference figures, and the deductions with their reasons. */
export function SheetItemEditor({ item, drafts, references, errors, indexOf, onChange, onAdd, onRemove, evidenceCount, onAddEvidence }: ItemProps) {
  const ruleOptions = [...item.rules.filter((r) => r.points > 0).map((r) => ({ value: r.code, label: `${r.text}（${r.perCase ? '每例' : ''}扣 ${r.points} 分）` })), { value: OWN_REASON, label: '其他（酌情扣分，写明理由）' }];
  const deducted = Math.min(item.points, drafts.reduce((n, d) => n + Number(d.points || 0), 0));
  return (
    <Section title={`${item.name}（${item.points} 分）`} className={`stars e2e-star-item e2e-star-item-${item.key}`}>
      <View className="stars__block">
        <Text className="stars__line">{`得分：${item.points - deducted} 分${deducted > 0 ? `（扣 ${deducted} 分）` : ''}`}</Text>
        {item.scoringPoints.map((p) => (
          <Text key={p} className="stars__hint">{`· ${p}`}</Text>
        ))}
        {references
          .filter((r) => r.itemKey === item.key)
          .map((r) => (
            <Text key={r.label} className="stars__reference e2e-star-reference">{`系统参考 · ${r.label}：${r.value}`}</Text>
          ))}
      </View>
      {drafts.map((d) => {
        const i = indexOf(d);
        return (
          <View key={i} className="stars__deduction e2e-star-deduction">
            <FormField name={`deductions.${i}.ruleCode`} label="扣分情形" required error={errors[`deductions.${i}.ruleCode`]}>
              <OptionPicker
                title="扣分情形"
                hook={`rule-${item.key}-${i}`}
                value={d.ruleCode}
                options={ruleOptions}
                onChange={(v) => {
                  const only = pointOptions(item, v);
                  onChange(i, { ...d, ruleCode: v, points: only.length === 1 ? only[0].value : '' });
                }}
              />
            </FormField>
            <FormField name={`deductions.${i}.points`} label="扣分" required error={errors[`deductions.${i}.points`]}>
              <OptionPicker title="扣分" hook={`points-${item.key}-${i}`} value={d.points} options={pointOptions(item, d.ruleCode)} placeholder="请选择扣分" onChange={(v) => onChange(i, { ...d, points: v })} />
            </FormField>
            <FormField name={`deductions.${i}.reason`} label="扣分理由" required error={errors[`deductions.${i}.reason`]}>
              <TextArea className={`e2e-input-reason-${item.key}-${i}`} value={d.reason} limit={STAR_REASON_MAX} placeholder="写明事实和依据" onChange={(v) => onChange(i, { ...d, reason: v })} />
            </FormField>
            <AppButton className="e2e-star-remove-deduction" block onClick={() => onRemove(i)}>
              删除这条扣分
            </AppButton>
          </View>
        );
      })}
      <View className="stars__actions">
        <AppButton className={`e2e-star-add-deduction-${item.key}`} block onClick={onAdd}>
          添加扣分
        </AppButton>
        {onAddEvidence && (
          <AppButton className={`e2e-star-evidence-${item.key}`} block onClick={onAddEvidence}>
            {evidenceCount ? `佐证材料（已上传 ${evidenceCount} 张，继续添加）` : '上传佐证材料'}
          </AppButton>
        )}
      </View>
    </Section>
  );
}

export const STAR_OPTIONS = STAR_LEVELS.map((s) => ({ value: String(s), label: STAR_LABELS[s] }));
