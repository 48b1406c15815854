import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { kindOf, RULE_KIND_LABELS, RULE_KINDS, SHEET_POINTS_MAX, SHEET_RULES_MAX, SHEET_TEXT_MAX, type ItemEdit, type RuleKind } from '@/domain/star-sheet';
import type { StarSheet } from '@/domain/star-rating';
import type { StarSheetView } from '@/domain/star.schema';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView } from '@/components/state-views';
import { TextArea } from '@/components/text-area';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import { urlOf } from '@/routes';
import './stars.scss';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** A rule as the form holds it: points from a picker as text. */
interface RuleDraft {
  code?: string;
  text: string;
  points: string;
  kind: RuleKind;
}
interface ItemDraft {
  key: string;
  scoringPoints: string[];
  rules: RuleDraft[];
}

const draftsOf = (sheet: StarSheet): ItemDraft[] =>
  sheet.items.map((item) => ({
    key: item.key,
    scoringPoints: [...item.scoringPoints],
    rules: item.rules.map((r) => ({ code: r.code, text: r.text, points: String(r.points), kind: kindOf(r) })),
  }));

const editsOf = (drafts: ItemDraft[]): ItemEdit[] =>
  drafts.map((d) => ({ key: d.key, scoringPoints: d.scoringPoints, rules: d.rules.map((r) => ({ ...(r.code ? { code: r.code } : {}), text: r.text, points: r.kind === 'discretion' ? 0 : Number(r.points || 0), kind: r.kind })) }));

const fieldsOf = (drafts: ItemDraft[]) =>
  drafts.flatMap((d, i) => [
    `items.${i}.rules`,
    ...d.scoringPoints.map((_, j) => `items.${i}.scoringPoints.${j}`),
    ...d.rules.flatMap((_, j) => [`items.${i}.rules.${j}.text`, `items.${i}.rules.${j}.points`, `items.${i}.rules.${j}.kind`]),
  ]);

/** 0.5 … the item's points: a rule can never take more than its item is worth. */
const pointOptions = (max: number) => Array.from({ length: max * 2 }, (_, i) => (i + 1) / 2).map((v) => ({ value: String(v), label: `扣 ${v} 分` }));
const KIND_OPTIONS = RULE_KINDS.map((k) => ({ value: k, label: RULE_KIND_LABELS[k] }));

function SheetForm({ orgId, year, view, onDone }: { orgId: string; year: number; view: StarSheetView; onDone: () => void }) {
  const [drafts, setDrafts] = useState<ItemDraft[]>(() => draftsOf(view.sheet));
  const { run, running, errors, clearError } = useAction({ fields: fieldsOf(drafts) });
  const setItem = (i: number, change: (d: ItemDraft) => ItemDraft) => setDrafts((all) => all.map((d, k) => (k === i ? change(d) : d)));
  const setRule = (i: number, j: number, rule: Partial<RuleDraft>, field: string) => {
    clearError(`items.${i}.rules.${j}.${field}`);
    setItem(i, (d) => ({ ...d, rules: d.rules.map((r, k) => (k === j ? { ...r, ...rule } : r)) }));
  };
  const save = () => run('org', 'saveStarSheet', { orgId, year, items: editsOf(drafts) }, { key: 'save', done: '评分表已保存' });
  return (
    <>
      <Section title={`${view.orgName} · ${year} 年度评分表（草稿）`} className="stars e2e-star-sheet-form">
        <Text className="stars__hint">{`${view.source ? `本年度评分表从${view.source}开始。` : ''}项目和分值按参考标准不变（前 7 项共 100 分，加分项目最多 ${view.sheet.bonusMax} 分），可细化评分要点和评分办法。开始自评后评分表锁定。`}</Text>
      </Section>
      {view.sheet.items.map((item, i) => {
        const d = drafts[i];
        return (
          <Section key={item.key} title={`${item.name}（${item.points} 分）`} className={`stars e2e-sheet-item e2e-sheet-item-${item.key}`}>
            <Text className="stars__title stars__block">评分要点</Text>
            {d.scoringPoints.map((text, j) => (
              <View key={j} className="stars__deduction">
                <FormField name={`items.${i}.scoringPoints.${j}`} label={`要点 ${j + 1}`} required error={errors[`items.${i}.scoringPoints.${j}`]}>
                  <TextArea className={`e2e-input-point-${item.key}-${j}`} value={text} limit={SHEET_TEXT_MAX} onChange={(v) => { clearError(`items.${i}.scoringPoints.${j}`); setItem(i, (x) => ({ ...x, scoringPoints: x.scoringPoints.map((t, k) => (k === j ? v : t)) })); }} />
                </FormField>
                {d.scoringPoints.length > 1 && (
                  <AppButton className="e2e-sheet-remove-point" block onClick={() => setItem(i, (x) => ({ ...x, scoringPoints: x.scoringPoints.filter((_, k) => k !== j) }))}>
                    删除这条要点
                  </AppButton>
                )}
              </View>
            ))}
            {d.scoringPoints.length < SHEET_POINTS_MAX && (
              <View className="stars__actions">
                <AppButton className={`e2e-sheet-add-point-${item.key}`} block onClick={() => setItem(i, (x) => ({ ...x, scoringPoints: [...x.scoringPoints, ''] }))}>
                  添加评分要点
                </AppButton>
              </View>
            )}
            <Text className="stars__title stars__block">评分办法</Text>
            {errors[`items.${i}.rules`] && <Text className="stars__warn stars__block">{errors[`items.${i}.rules`]}</Text>}
            {d.rules.map((r, j) => (
              <View key={j} className="stars__deduction e2e-sheet-rule">
                <FormField name={`items.${i}.rules.${j}.text`} label={`办法 ${j + 1}`} required error={errors[`items.${i}.rules.${j}.text`]}>
                  <TextArea className={`e2e-input-rule-${item.key}-${j}`} value={r.text} limit={SHEET_TEXT_MAX} onChange={(v) => setRule(i, j, { text: v }, 'text')} />
                </FormField>
                <FormField name={`items.${i}.rules.${j}.kind`} label="扣分方式" required error={errors[`items.${i}.rules.${j}.kind`]}>
                  <OptionPicker title="扣分方式" hook={`rule-kind-${item.key}-${j}`} value={r.kind} options={KIND_OPTIONS} onChange={(v) => setRule(i, j, { kind: v as RuleKind, points: v === 'discretion' ? '0' : r.points === '0' ? '1' : r.points }, 'kind')} />
                </FormField>
                {r.kind !== 'discretion' && (
                  <FormField name={`items.${i}.rules.${j}.points`} label={r.kind === 'perCase' ? '每例扣分' : '扣分'} required hint={`最多 ${item.points} 分`} error={errors[`items.${i}.rules.${j}.points`]}>
                    <OptionPicker title="扣分" hook={`rule-points-${item.key}-${j}`} value={r.points} options={pointOptions(item.points)} onChange={(v) => setRule(i, j, { points: v }, 'points')} />
                  </FormField>
                )}
                {d.rules.length > 1 && (
                  <AppButton className="e2e-sheet-remove-rule" block onClick={() => setItem(i, (x) => ({ ...x, rules: x.rules.filter((_, k) => k !== j) }))}>
                    删除这条办法
                  </AppButton>
                )}
              </View>
            ))}
            {d.rules.length < SHEET_RULES_MAX && (
              <View className="stars__actions">
                <AppButton className={`e2e-sheet-add-rule-${item.key}`} block onClick={() => setItem(i, (x) => ({ ...x, rules: [...x.rules, { text: '', points: '1', kind: 'fixed' }] }))}>
                  添加评分办法
                </AppButton>
              </View>
            )}
          </Section>
        );
      })}
      <BottomBar>
        <AppButton className="e2e-sheet-save" type="primary" block loading={running === 'save'} onClick={async () => {
          if (await save()) onDone();
        }}>
          保存评分表
        </AppButton>
        <AppButton className="e2e-sheet-open" block loading={running === 'open'} onClick={async () => {
          if (!(await confirmAction({ title: '开始本年度自评', content: '将按当前评分表开始自评。开始后评分表锁定，本年度不能再修改。', confirmText: '开始' }))) return;
          if (!(await save())) return;
          const opened = await run('org', 'openStarCycle', { orgId, year }, { key: 'open', done: (r) => (r.opened ? `已开始，${r.branches} 个党支部进入自评` : '本年度已开始') });
          if (opened) void Taro.redirectTo({ url: urlOf('starRating', { orgId, year: String(year) }) });
        }}>
          开始自评（锁定评分表）
        </AppButton>
      </BottomBar>
    </>
  );
}

/** A frozen sheet, read only: what every branch of the year is scored on. */
function FrozenSheet({ view }: { view: StarSheetView }) {
  return (
    <>
      <Section title={`${view.orgName} · ${view.year} 年度评分表`} className="stars e2e-star-sheet-frozen">
        <Text className="stars__hint">本年度自评已开始，评分表已锁定。</Text>
      </Section>
      {view.sheet.items.map((item) => (
        <Section key={item.key} title={`${item.name}（${item.points} 分）`} className="stars">
          {item.scoringPoints.map((p, j) => (
            <Text key={`p${j}`} className="stars__line stars__block">{`要点：${p}`}</Text>
          ))}
          {item.rules.map((r) => (
            <Text key={r.code} className="stars__line stars__block">{`办法：${r.text}（${r.points === 0 ? '酌情扣分' : `${r.perCase ? '每例' : ''}扣 ${r.points} 分`}）`}</Text>
          ))}
        </Section>
      ))}
      <Section title={`加分项目（最多 ${view.sheet.bonusMax} 分）`} className="stars">
        <Text className="stars__line stars__block">评定组织认定的党建创新项目</Text>
      </Section>
    </>
  );
}

/** The rating organisation refines a year's sheet while it is a draft; once 自评 opens it is shown read only. */
export function StarSheetEditor({ orgId, year }: { orgId: string; year: number }) {
  const { state, reload } = useAsync(() => call('org', 'starSheet', { orgId, year }), [orgId, year]);
  useReloadOnShow(() => reload());
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(view) => (view.status === 'frozen' ? <FrozenSheet view={view} /> : <SheetForm key={`${view.year}`} orgId={orgId} year={year} view={view} onDone={() => void reload()} />)}
    </AsyncView>
  );
}
