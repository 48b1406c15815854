import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MAX_PLEDGES_PER_YEAR, PLEDGE_CATEGORIES, targetDateOptions } from '@/domain/pledge';
import { pledgeActions, type EvidenceRef, type PledgeView } from '@/domain/pledge.schema';
import { maxLengthOf } from '@/domain/validation';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { TextArea } from '@/components/text-area';
import { call } from '@/lib/cloud';
import { newRequestId } from '@/lib/request-id';
import { askToNotify } from '@/lib/subscribe-message';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import { urlOf } from '@/routes';
import { PhotoField } from './photo-field';
import { PledgeCard } from './pledge-card';
import './org.scss';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

const PLEDGE_FIELDS = ['text', 'category', 'targetDate'] as const;
const PROGRESS_FIELDS = ['text', 'photos', 'serviceLogIds', 'wishIds'] as const;
const MAX_PHOTOS = 6;

/** 定诺: a new pledge with a category and a month-end target date, both picked. */
function PledgeForm({ year, today, remaining, onMade }: { year: number; today: string; remaining: number; onMade: () => void }) {
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const { run, busy, errors } = useAction({ fields: PLEDGE_FIELDS });
  const submit = async () => {
    // Asked in the tap, before any await: the branch rates the pledge at year end and tells the member beforehand.
    void askToNotify(['pledgeReviewDue']);
    const made = await run('org', 'createPledge', { text, category: category as (typeof PLEDGE_CATEGORIES)[number], targetDate, requestId }, { done: '已提交，等待支部定诺' });
    if (!made) return;
    setText('');
    setCategory('');
    setTargetDate('');
    setRequestId(newRequestId());
    onMade();
  };
  return (
    <Section title={`作出承诺（还可作出 ${remaining} 项）`} className="e2e-pledge-form">
      <FormField name="text" label="承诺内容" required error={errors.text}>
        <TextArea className="e2e-input-pledge-text" value={text} placeholder="如：每月到社区开展一次政策宣讲" limit={maxLengthOf(pledgeActions.create.shape.text)} onChange={setText} />
      </FormField>
      <FormField name="category" label="承诺类别" required error={errors.category}>
        <OptionPicker hook="pledge-category" title="选择承诺类别" options={PLEDGE_CATEGORIES.map((c, i) => ({ value: String(i), label: c }))} value={category ? String(PLEDGE_CATEGORIES.indexOf(category as (typeof PLEDGE_CATEGORIES)[number])) : ''} onChange={(v) => setCategory(PLEDGE_CATEGORIES[Number(v)])} />
      </FormField>
      <FormField name="targetDate" label="目标日期" required hint="选择完成承诺的月底" error={errors.targetDate}>
        <OptionPicker hook="pledge-date" title="选择目标日期" emptyText={`${year} 年已无可选日期`} options={targetDateOptions(year, today).map((d) => ({ value: d, label: d }))} value={targetDate} onChange={setTargetDate} />
      </FormField>
      <BottomBar>
        <AppButton className="e2e-pledge-submit" type="primary" block loading={busy} onClick={() => void submit()}>
          提交承诺
        </AppButton>
      </BottomBar>
    </Section>
  );
}

/** 践诺: what was done, photos, and the member's own confirmed service logs or closed wishes as evidence. */
function ProgressForm({ pledge, onAdded }: { pledge: PledgeView; onAdded: () => void }) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [picked, setPicked] = useState<EvidenceRef[]>([]);
  const [requestId] = useState(newRequestId);
  const options = useAsync(() => call('org', 'pledgeEvidence', { pledgeId: pledge.id }), [pledge.id]);
  const { run, busy, errors } = useAction({ fields: PROGRESS_FIELDS });
  const toggle = (ref: EvidenceRef) => setPicked((p) => (p.some((x) => x.kind === ref.kind && x.id === ref.id) ? p.filter((x) => !(x.kind === ref.kind && x.id === ref.id)) : [...p, ref]));
  const submit = async () => {
    const serviceLogIds = picked.filter((r) => r.kind === 'serviceLog').map((r) => r.id);
    const wishIds = picked.filter((r) => r.kind === 'wish').map((r) => r.id);
    if (await run('org', 'addPledgeProgress', { pledgeId: pledge.id, text, photos, serviceLogIds, wishIds, requestId }, { done: '已记录践诺情况' })) onAdded();
  };
  return (
    <View className="e2e-progress-form">
      <FormField name="text" label="践诺情况" required error={errors.text}>
        <TextArea className="e2e-input-progress-text" value={text} placeholder="做了什么、帮助了谁" limit={maxLengthOf(pledgeActions.addProgress.shape.text)} onChange={setText} />
      </FormField>
      <FormField name="photos" label="照片" hint={`最多 ${MAX_PHOTOS} 张`} error={errors.photos}>
        <PhotoField value={photos} onChange={setPhotos} max={MAX_PHOTOS} />
      </FormField>
      <FormField name="serviceLogIds" label="关联服务记录或心愿" hint="可多选" error={errors.serviceLogIds ?? errors.wishIds}>
        <AsyncView state={options.state} onRetry={() => void options.reload()} isEmpty={(d) => d.items.length === 0} empty={<Text className="org__line">本年还没有已确认的服务记录或已完成的心愿</Text>}>
          {(d) => (
            <>
              {d.items.map((ref) => {
                const on = picked.some((x) => x.kind === ref.kind && x.id === ref.id);
                return (
                  <View key={ref.kind + ref.id} className={`org__option e2e-evidence-option${on ? ' org__option--on' : ''}`} onClick={() => toggle(ref)}>
                    <Text>{`${on ? '☑' : '☐'} ${ref.kind === 'serviceLog' ? `服务记录 ${ref.title}（${ref.hours} 小时）` : `心愿 ${ref.title}`}`}</Text>
                  </View>
                );
              })}
            </>
          )}
        </AsyncView>
      </FormField>
      <AppButton className="e2e-progress-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        保存践诺情况
      </AppButton>
    </View>
  );
}

/** A returned pledge, corrected and sent again. */
function ReviseForm({ pledge, year, today, onDone }: { pledge: PledgeView; year: number; today: string; onDone: () => void }) {
  const [text, setText] = useState(pledge.text);
  const [targetDate, setTargetDate] = useState(pledge.targetDate);
  const { run, busy, errors } = useAction({ fields: PLEDGE_FIELDS });
  const submit = async () => {
    if (await run('org', 'revisePledge', { pledgeId: pledge.id, text, category: pledge.category, targetDate }, { done: '已重新提交' })) onDone();
  };
  return (
    <View className="e2e-revise-form">
      <FormField name="text" label="修改承诺内容" required error={errors.text}>
        <TextArea className="e2e-input-revise-text" value={text} limit={maxLengthOf(pledgeActions.revise.shape.text)} onChange={setText} />
      </FormField>
      <FormField name="targetDate" label="目标日期" required error={errors.targetDate}>
        <OptionPicker hook="revise-date" title="选择目标日期" options={targetDateOptions(year, today).map((d) => ({ value: d, label: d }))} value={targetDate} onChange={setTargetDate} />
      </FormField>
      <AppButton className="e2e-revise-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        重新提交
      </AppButton>
    </View>
  );
}

/** 我的承诺: this year's pledges, the counter, status, and 践诺 on approved ones. */
export function MyPledges() {
  const { state, reload } = useAsync(() => call('org', 'myPledges', {}), []);
  useReloadOnShow(() => reload());
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => {
    setOpen(null);
    void reload();
  };
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(d) =>
        d.needsBranch ? (
          <EmptyState
            title="请先选择所在党支部"
            description="在个人资料中从组织架构里选择党支部后，才能作出承诺"
            action={
              <AppButton className="e2e-pledge-pick-branch" type="primary" onClick={() => void Taro.navigateTo({ url: urlOf('memberRegister') })}>
                去选择党支部
              </AppButton>
            }
          />
        ) : (
          <View className="org e2e-my-pledges">
            <Section title={`${d.year} 年我的承诺`}>
              <Text className="org__line e2e-pledge-counter">{`已作出 ${d.items.length} 项，还可作出 ${d.remaining} 项（每年 1–${MAX_PLEDGES_PER_YEAR} 项）。经党支部定诺后向群众公开。`}</Text>
            </Section>
            {d.items.map((p) => (
              <PledgeCard key={p.id} pledge={p}>
                {p.status === 'approved' && !p.rating && (
                  <AppButton className="e2e-pledge-add-progress" onClick={() => setOpen(open === p.id ? null : p.id)}>
                    {open === p.id ? '收起' : '记录践诺情况'}
                  </AppButton>
                )}
                {p.status === 'returned' && (
                  <AppButton className="e2e-pledge-revise" onClick={() => setOpen(open === p.id ? null : p.id)}>
                    {open === p.id ? '收起' : '修改后重新提交'}
                  </AppButton>
                )}
                {open === p.id && p.status === 'approved' && <ProgressForm pledge={p} onAdded={refresh} />}
                {open === p.id && p.status === 'returned' && <ReviseForm pledge={p} year={d.year} today={d.today} onDone={refresh} />}
              </PledgeCard>
            ))}
            {d.remaining > 0 && <PledgeForm year={d.year} today={d.today} remaining={d.remaining} onMade={refresh} />}
          </View>
        )
      }
    </AsyncView>
  );
}
