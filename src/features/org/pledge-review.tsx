import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PLEDGE_GRADE_LABELS, PLEDGE_GRADES, type PledgeGrade } from '@/domain/pledge';
import { pledgeActions, type PledgeView } from '@/domain/pledge.schema';
import { maxLengthOf } from '@/domain/validation';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { TextArea } from '@/components/text-area';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import { askToNotify } from '@/lib/subscribe-message';
import { PledgeCard } from './pledge-card';
import './org.scss';

/** 定诺 of one pending pledge: approve, or return it with a reason the member sees. */
function ReviewActions({ pledge, onDone }: { pledge: PledgeView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState(false);
  const { run, running, errors } = useAction({ fields: ['reason'] });
  const approve = async () => {
    // The secretary hears in December how many approved pledges wait for 评诺; asked in the tap, before any await.
    void askToNotify(['pledgeReviewDue']);
    if (await run('org', 'reviewPledge', { pledgeId: pledge.id, decision: 'approve' }, { key: 'approve', done: '已定诺，承诺将公开' })) onDone();
  };
  const sendBack = async () => {
    if (!(await confirmAction({ title: '退回承诺', content: `退回后${pledge.memberName}需修改后重新提交。`, confirmText: '退回' }))) return;
    if (await run('org', 'reviewPledge', { pledgeId: pledge.id, decision: 'return', reason }, { key: 'return', done: '已退回' })) onDone();
  };
  return (
    <View>
      {returning && (
        <FormField name="reason" label="退回原因" required error={errors.reason}>
          <TextArea className="e2e-input-return-reason" value={reason} placeholder="请写明需要修改的地方" limit={maxLengthOf(pledgeActions.review.shape.reason)} onChange={setReason} />
        </FormField>
      )}
      <View className="org__row">
        <AppButton className="e2e-pledge-approve" type="primary" loading={running === 'approve'} onClick={() => void approve()}>
          通过
        </AppButton>
        <AppButton className="e2e-pledge-return" loading={running === 'return'} onClick={() => (returning ? void sendBack() : setReturning(true))}>
          {returning ? '确认退回' : '退回'}
        </AppButton>
      </View>
    </View>
  );
}

/** 评诺 of one approved pledge at year end: a grade from the three and a comment. */
function RateActions({ pledge, onDone }: { pledge: PledgeView; onDone: () => void }) {
  const [grade, setGrade] = useState<PledgeGrade | ''>('');
  const [comment, setComment] = useState('');
  const { run, busy, errors, setErrors } = useAction({ fields: ['grade', 'comment'] });
  const submit = async () => {
    if (!grade) {
      setErrors({ grade: '请选择评定结果' });
      return;
    }
    if (!(await confirmAction({ title: '提交评诺', content: `评定为「${PLEDGE_GRADE_LABELS[grade]}」，提交后不能修改。`, confirmText: '提交' }))) return;
    if (await run('org', 'ratePledge', { pledgeId: pledge.id, grade, comment }, { done: '已评定' })) onDone();
  };
  return (
    <View className="e2e-rate-form">
      <FormField name="grade" label="评定结果" required error={errors.grade}>
        <OptionPicker hook="pledge-grade" title="选择评定结果" options={PLEDGE_GRADES.map((g) => ({ value: g, label: PLEDGE_GRADE_LABELS[g] }))} value={grade} onChange={(v) => setGrade(v as PledgeGrade)} />
      </FormField>
      <FormField name="comment" label="评语" required error={errors.comment}>
        <TextArea className="e2e-input-rate-comment" value={comment} placeholder="简要评价践诺情况" limit={maxLengthOf(pledgeActions.rate.shape.comment)} onChange={setComment} />
      </FormField>
      <AppButton className="e2e-pledge-rate" type="primary" block loading={busy} onClick={() => void submit()}>
        提交评诺
      </AppButton>
    </View>
  );
}

/** The secretary's two queues of one organisation's subtree: 待定诺 and, at year end, 待评诺. */
export function PledgeReview({ orgId }: { orgId: string }) {
  const review = useAsync(() => call('org', 'pledgeQueue', { orgId, stage: 'review' }), [orgId]);
  const rate = useAsync(() => call('org', 'pledgeQueue', { orgId, stage: 'rate' }), [orgId]);
  const reload = () => {
    void review.reload();
    void rate.reload();
  };
  return (
    <View className="org">
      <Section title="待定诺" className="e2e-pledge-review-queue">
        <AsyncView state={review.state} onRetry={() => void review.reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="没有待定诺的承诺" />}>
          {(d) => (
            <>
              {d.items.map((p) => (
                <PledgeCard key={p.id} pledge={p} showName>
                  <ReviewActions pledge={p} onDone={reload} />
                </PledgeCard>
              ))}
            </>
          )}
        </AsyncView>
      </Section>
      <Section title="待评诺（每年 12 月 1 日起）" className="e2e-pledge-rate-queue">
        <AsyncView state={rate.state} onRetry={() => void rate.reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="没有待评诺的承诺" />}>
          {(d) => (
            <>
              <Text className="org__line">评定结果和评语会显示在党员的承诺和所在单位的台账中。</Text>
              {d.items.map((p) => (
                <PledgeCard key={p.id} pledge={p} showName>
                  <RateActions pledge={p} onDone={reload} />
                </PledgeCard>
              ))}
            </>
          )}
        </AsyncView>
      </Section>
    </View>
  );
}
