import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DIRECT_DOWNGRADES, STAR_LABELS, type DirectDowngrade, type Stars } from '@/domain/star-rating';
import { STAR_DOMAINS, STAR_NOTE_MAX, STAR_REASON_MAX, type StarAssessmentView, type StarDomain } from '@/domain/star.schema';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { ChipSelect } from '@/components/chip-select';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView } from '@/components/state-views';
import { TextArea } from '@/components/text-area';
import { toastInfo } from '@/components/toast';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { chooseAndUploadImages } from '@/lib/upload';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import { ApplicationExport } from './star-rating-views';
import { allowedStars, fromDeductions, SheetItemEditor, STAR_OPTIONS, toDeductions, type DeductionDraft } from './star-scoring';
import './stars.scss';

const NOTE_FIELDS = ['situation', 'collectiveDecision', 'problems', 'measures', 'returnReason', 'proposedStars', 'starReason', 'bonus', 'domain'];
const fieldsFor = (n: number) => [...NOTE_FIELDS, ...Array.from({ length: n }, (_, i) => [`deductions.${i}.ruleCode`, `deductions.${i}.points`, `deductions.${i}.reason`]).flat()];
const DOWNGRADE_LABELS = DIRECT_DOWNGRADES.map((d) => d.text);
const BONUS_OPTIONS = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: i === 0 ? '不加分' : `加 ${i} 分` }));

function ScoringForm({ view, mode, onDone }: { view: StarAssessmentView; mode: 'self' | 'review'; onDone: () => void }) {
  const start = mode === 'review' ? view.review ?? view.self : view.self;
  const [drafts, setDrafts] = useState<DeductionDraft[]>(start ? fromDeductions(start.deductions) : []);
  const [bonus, setBonus] = useState(String(start?.bonus ?? 0));
  const [stars, setStars] = useState(start ? String(start.proposedStars) : '');
  const [starReason, setStarReason] = useState(start?.starReason ?? '');
  const [evidence, setEvidence] = useState<{ itemKey: string; photos: string[] }[]>(view.self?.evidence ?? []);
  const [domain, setDomain] = useState<StarDomain>(view.domain);
  const [situation, setSituation] = useState(view.self?.situation ?? '');
  const [downgrades, setDowngrades] = useState<string[]>(view.review?.downgrades.map((d) => DIRECT_DOWNGRADES.find((x) => x.code === d.code)?.text ?? '') ?? []);
  const [grounds, setGrounds] = useState<Record<string, string>>(Object.fromEntries(view.review?.downgrades.map((d) => [d.code, d.evidence]) ?? []));
  const [notes, setNotes] = useState({ collectiveDecision: view.review?.collectiveDecision ?? '', problems: view.review?.problems ?? '', measures: view.review?.measures ?? '', returnReason: '' });
  const { run, running, errors, clearError } = useAction({ fields: fieldsFor(drafts.length) });

  const codes = DIRECT_DOWNGRADES.filter((d) => downgrades.includes(d.text)).map((d) => d.code as DirectDowngrade);
  const { total, allowed } = allowedStars(view.sheet, drafts, Number(bonus), view.hasRecognisedProject, mode === 'review' ? codes : []);
  const below = stars !== '' && Number(stars) < allowed;
  const update = (i: number, d: DeductionDraft) => setDrafts((all) => all.map((x, j) => (j === i ? d : x)));
  const scoring = { branchId: view.branchId, year: view.year, deductions: toDeductions(drafts), bonus: Number(bonus), proposedStars: Number(stars) || 0, starReason };

  async function addEvidence(itemKey: string) {
    const have = evidence.find((e) => e.itemKey === itemKey)?.photos ?? [];
    if (have.length >= 6) return toastInfo('每项佐证材料最多 6 张');
    try {
      const ids = await chooseAndUploadImages({ count: 6 - have.length });
      if (ids.length > 0) setEvidence((all) => [...all.filter((e) => e.itemKey !== itemKey), { itemKey, photos: [...have, ...ids] }]);
    } catch (e) {
      toastInfo((e as Error).message || '上传失败，请重试');
    }
  }

  return (
    <View className="stars e2e-star-form">
      <Section title={mode === 'self' ? '支部自评' : '上级党委审核'}>
        <View className="stars__block">
          <Text className="stars__line">{`${view.branchName} · ${view.year} 年度 · ${view.statusLabel}`}</Text>
          {mode === 'review' && view.self && <Text className="stars__line">{`支部自评：${view.self.score.total} 分，申报${STAR_LABELS[view.self.proposedStars]}`}</Text>}
          {view.returnReason && mode === 'self' && <Text className="stars__warn">{`上级退回：${view.returnReason}`}</Text>}
          <Text className="stars__hint">前 7 项总分 100 分，逐项扣分，每项扣完为止；每条扣分都要写明理由。</Text>
        </View>
        {view.self && (
          <View className="stars__actions">
            <ApplicationExport orgId={view.ratingOrgId} branchId={view.branchId} year={view.year} />
          </View>
        )}
      </Section>
      {view.sheet.items.map((item) => (
        <SheetItemEditor
          key={item.key}
          item={item}
          drafts={drafts.filter((d) => d.itemKey === item.key)}
          references={view.references}
          errors={errors}
          indexOf={(d) => drafts.indexOf(d)}
          onChange={update}
          onAdd={() => setDrafts((all) => [...all, { itemKey: item.key, ruleCode: '', points: '', reason: '' }])}
          onRemove={(i) => setDrafts((all) => all.filter((_, j) => j !== i))}
          evidenceCount={mode === 'self' ? evidence.find((e) => e.itemKey === item.key)?.photos.length ?? 0 : undefined}
          onAddEvidence={mode === 'self' ? () => void addEvidence(item.key) : undefined}
        />
      ))}
      <Section title={`加分项目（最多 ${view.sheet.bonusMax} 分）`}>
        <View className="stars__block">
          {view.references.filter((r) => r.itemKey === 'bonus').map((r) => (
            <Text key={r.label} className="stars__reference">{`系统参考 · ${r.label}：${r.value}`}</Text>
          ))}
        </View>
        <FormField name="bonus" label="加分" error={errors.bonus} hint={view.hasRecognisedProject ? undefined : '没有经认定的党建创新项目，不能加分'}>
          <OptionPicker title="加分" hook="star-bonus" value={bonus} options={view.hasRecognisedProject ? BONUS_OPTIONS : BONUS_OPTIONS.slice(0, 1)} onChange={setBonus} />
        </FormField>
      </Section>
      {mode === 'review' && (
        <Section title="直接定级情形">
          <View className="stars__block">
            <Text className="stars__hint">有下列情形之一的，直接定为二星或一星；请写明依据。</Text>
          </View>
          <ChipSelect options={DOWNGRADE_LABELS} value={downgrades} onChange={setDowngrades} hook="star-downgrade" />
          {DIRECT_DOWNGRADES.filter((d) => downgrades.includes(d.text)).map((d) => (
            <FormField key={d.code} name={`downgrade-${d.code}`} label={`依据：${d.text}`} required>
              <TextArea value={grounds[d.code] ?? ''} limit={STAR_REASON_MAX} onChange={(v) => setGrounds((g) => ({ ...g, [d.code]: v }))} />
            </FormField>
          ))}
        </Section>
      )}
      <Section title="星级">
        <View className="stars__block">
          <Text className="stars__total e2e-star-total">{`合计 ${total} 分，按规则最高可评${STAR_LABELS[allowed]}`}</Text>
        </View>
        <FormField name="proposedStars" label={mode === 'self' ? '申报星级' : '建议星级'} required error={errors.proposedStars}>
          <OptionPicker title="星级" hook="star-proposed" value={stars} options={STAR_OPTIONS.filter((o) => Number(o.value) <= allowed)} placeholder="请选择星级" onChange={setStars} />
        </FormField>
        {below && (
          <FormField name="starReason" label="低于可评星级的理由" required error={errors.starReason}>
            <TextArea value={starReason} limit={STAR_REASON_MAX} onChange={(v) => { setStarReason(v); clearError('starReason'); }} />
          </FormField>
        )}
        {mode === 'self' ? (
          <>
            <FormField name="domain" label="所属领域" required error={errors.domain}>
              <OptionPicker title="所属领域" hook="star-domain" value={domain} options={STAR_DOMAINS.map((d) => ({ value: d, label: d }))} onChange={(v) => setDomain(v as StarDomain)} />
            </FormField>
            <FormField name="situation" label="基本情况" required error={errors.situation}>
              <TextArea className="e2e-input-situation" value={situation} limit={STAR_NOTE_MAX} placeholder="党员人数、班子、阵地和主要工作" onChange={(v) => { setSituation(v); clearError('situation'); }} />
            </FormField>
          </>
        ) : (
          (['collectiveDecision', 'problems', 'measures'] as const).map((key) => (
            <FormField key={key} name={key} label={{ collectiveDecision: '党委集体研究意见', problems: '主要问题', measures: '整改措施' }[key]} required error={errors[key]}>
              <TextArea className={`e2e-input-${key}`} value={notes[key]} limit={STAR_NOTE_MAX} onChange={(v) => { setNotes((n) => ({ ...n, [key]: v })); clearError(key); }} />
            </FormField>
          ))
        )}
        {mode === 'review' && (
          <FormField name="returnReason" label="退回原因（退回支部时填写）" error={errors.returnReason}>
            <TextArea className="e2e-input-returnReason" value={notes.returnReason} limit={STAR_REASON_MAX} onChange={(v) => { setNotes((n) => ({ ...n, returnReason: v })); clearError('returnReason'); }} />
          </FormField>
        )}
      </Section>
      <BottomBar>
        {mode === 'self' ? (
          <>
            <AppButton className="e2e-star-save" block loading={running === 'save'} onClick={async () => {
              if (await run('org', 'selfAssessStar', { ...scoring, evidence, domain, situation, submit: false }, { key: 'save', done: '已保存' })) onDone();
            }}>
              保存
            </AppButton>
            <AppButton className="e2e-star-submit" type="primary" block loading={running === 'submit'} onClick={async () => {
              if (!(await confirmAction({ title: '提交自评', content: '提交后由上级党组织审核，不能再修改。', confirmText: '提交' }))) return;
              if (await run('org', 'selfAssessStar', { ...scoring, evidence, domain, situation, submit: true }, { key: 'submit', done: '已提交，下一步：等待上级党组织审核' })) onDone();
            }}>
              提交自评
            </AppButton>
          </>
        ) : (
          <>
            <AppButton className="e2e-star-return" block loading={running === 'return'} onClick={async () => {
              if (!(await confirmAction({ title: '退回支部', content: '退回后支部需重新填报自评。', confirmText: '退回' }))) return;
              if (await run('org', 'reviewStar', { ...scoring, proposedStars: scoring.proposedStars || 1, decision: 'return', returnReason: notes.returnReason, collectiveDecision: notes.collectiveDecision || '退回', problems: notes.problems || '退回', measures: notes.measures || '退回' }, { key: 'return', done: '已退回支部' })) onDone();
            }}>
              退回支部
            </AppButton>
            <AppButton className="e2e-star-approve" type="primary" block loading={running === 'approve'} onClick={async () => {
              if (!(await confirmAction({ title: '提交审核', content: '审核结果将报评定组织评定。', confirmText: '提交' }))) return;
              const payload = { ...scoring, decision: 'approve' as const, downgrades: codes.map((code) => ({ code, evidence: grounds[code] ?? '' })), collectiveDecision: notes.collectiveDecision, problems: notes.problems, measures: notes.measures };
              if (await run('org', 'reviewStar', payload, { key: 'approve', done: '审核完成，下一步：评定组织评定' })) onDone();
            }}>
              审核通过
            </AppButton>
          </>
        )}
      </BottomBar>
    </View>
  );
}

function Summary({ view }: { view: StarAssessmentView }) {
  const scored = view.review ?? view.self;
  return (
    <Section title={`${view.branchName} · ${view.year} 年度`} className="stars e2e-star-summary">
      <View className="stars__block">
        <Text className="stars__line">{`状态：${view.statusLabel}`}</Text>
        {scored && <Text className="stars__line">{`${view.review ? '审核' : '自评'}得分：${scored.score.total} 分，${view.review ? '建议' : '申报'}${STAR_LABELS[scored.proposedStars]}`}</Text>}
        {view.stars && <Text className="stars__total">{`评定结果：${STAR_LABELS[view.stars as Stars]}`}</Text>}
      </View>
      <View className="stars__actions">
        <ApplicationExport orgId={view.ratingOrgId} branchId={view.branchId} year={view.year} />
      </View>
    </Section>
  );
}

/** One branch's 五星创评 of a year: the secretary's 自评 form, the level above's 审核 form, or the summary. */
export function StarAssessment({ branchId, year }: { branchId: string; year: number }) {
  const { state, reload } = useAsync(() => call('org', 'starAssessment', { branchId, year }), [branchId, year]);
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(view) =>
        view.can.selfAssess ? (
          <ScoringForm view={view} mode="self" onDone={() => void reload()} />
        ) : view.can.review ? (
          <ScoringForm view={view} mode="review" onDone={() => void Taro.navigateBack()} />
        ) : (
          <Summary view={view} />
        )
      }
    </AsyncView>
  );
}
