import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { QUESTION_PHOTO_MAX, qaActions, type OrgType, type QuestionAction, type QuestionView } from '@/domain/question.schema';
import { requestIdFor, type PendingRequest } from '@/lib/request-id';
import { useAsync } from '@/lib/use-async';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { toastInfo } from '@/components/toast';
import { TextArea } from '@/components/text-area';
import { maxLengthOf } from '@/domain/validation';
import { PhotoField } from './photo-field';
import './qa.scss';
import { call } from '@/lib/cloud';
import { useAction } from '@/lib/use-action';

type Run = (task: () => Promise<QuestionView>, done: string) => Promise<boolean>;

function useRun(onChanged: (q: QuestionView) => void): { busy: boolean; run: Run } {
  const { attempt, busy } = useAction();
  const run: Run = async (task, done) => {
    const next = await attempt('question', task, { done });
    if (!next) return false;
    onChanged(next);
    return true;
  };
  return { busy, run };
}

function AnswerForm({ q, run, busy }: { q: QuestionView; run: Run; busy: boolean }) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const pending = useRef<PendingRequest | null>(null);
  const submit = async () => {
    pending.current = requestIdFor(pending.current, { text, photos });
    const requestId = pending.current.requestId;
    if (await run(() => call('qa', 'answer', { id: q.id, content: text, photos, requestId }), '已答复')) pending.current = null;
  };
  return (
    <View className="qa-form-block e2e-answer-form">
      <TextArea className="e2e-input-answer" value={text} placeholder="答复内容（5–1000 字），将通知提问人" limit={maxLengthOf(qaActions.answer.shape.content)} onChange={setText} />
      <PhotoField hook="answer-photos" value={photos} max={QUESTION_PHOTO_MAX} onChange={setPhotos} />
      <BottomBar>
        <AppButton className="e2e-submit-answer" type="primary" block loading={busy} onClick={() => void submit()}>
          提交答复
        </AppButton>
      </BottomBar>
    </View>
  );
}

function TransferForm({ q, run, busy }: { q: QuestionView; run: Run; busy: boolean }) {
  const [toType, setToType] = useState<OrgType>('community');
  const [toId, setToId] = useState('');
  const [reason, setReason] = useState('');
  const orgs = useAsync(() => Promise.all([call('user', 'listCommunities').then((r) => r.items), call('user', 'listUnits').then((r) => r.items)]), []);
  const [communities, units] = orgs.state.data ?? [[], []];
  const options = (toType === 'community' ? communities : units).map((o) => ({ value: o.id, label: o.name }));
  return (
    <View className="qa-form-block e2e-transfer-form">
      <View className="qa-rating">
        <AppButton className="e2e-transfer-to-community" size="small" fill={toType === 'community' ? 'solid' : 'outline'} type="primary" onClick={() => (setToType('community'), setToId(''))}>
          转社区
        </AppButton>
        <AppButton className="e2e-transfer-to-unit" size="small" fill={toType === 'unit' ? 'solid' : 'outline'} type="primary" onClick={() => (setToType('unit'), setToId(''))}>
          转单位
        </AppButton>
      </View>
      <OptionPicker hook="transfer-target" title="转交给" placeholder="选择接收方" options={options} value={toId} onChange={setToId} />
      <TextArea className="e2e-input-transfer-reason" value={reason} placeholder="转交理由（必填）" limit={maxLengthOf(qaActions.transfer.shape.reason)} onChange={setReason} />
      <AppButton className="e2e-submit-transfer" fill="outline" block loading={busy} onClick={() => (toId ? void run(() => call('qa', 'transfer', { id: q.id, toType: toType, toId: toId, reason: reason }), '已申请转交') : toastInfo('请选择接收方'))}>
        申请转交
      </AppButton>
    </View>
  );
}

/** Staff on one question: receive a transfer, accept, answer, transfer, or put an overdue one before the 街道. */
export function StaffActions({ q, onChanged }: { q: QuestionView; onChanged: (q: QuestionView) => void }) {
  const { busy, run } = useRun(onChanged);
  const [reason, setReason] = useState('');

  const may = (action: QuestionAction) => q.viewer.actions.includes(action);

  if (q.transfer && may('acceptTransfer')) {
    return (
      <Section title={`转交给${q.transfer.toName}`} className="e2e-transfer-incoming">
        <View className="qa-form-block">
          <Text className="qa-hint">{`理由：${q.transfer.reason}`}</Text>
          <AppButton className="e2e-accept-transfer" type="primary" block loading={busy} onClick={() => void run(() => call('qa', 'acceptTransfer', { id: q.id }), '已接收，由本单位负责办理')}>
            接收并负责办理
          </AppButton>
          <TextArea className="e2e-input-decline-reason" value={reason} placeholder="退回理由" limit={maxLengthOf(qaActions.declineTransfer.shape.reason)} onChange={setReason} />
          <AppButton className="e2e-decline-transfer" fill="outline" block disabled={busy} onClick={() => void run(() => call('qa', 'declineTransfer', { id: q.id, reason: reason }), '已退回')}>
            退回
          </AppButton>
        </View>
      </Section>
    );
  }
  if (!may('answer')) return null;
  return (
    <View className="e2e-staff-actions">
      {may('escalate') && (
        <View className="qa-alert">
          <Text>该问题已超期，系统将自动上报街道，也可立即上报。</Text>
          <AppButton className="e2e-escalate" size="small" type="danger" disabled={busy} onClick={() => void run(() => call('qa', 'escalate', { id: q.id }), '已上报街道')}>
            上报街道
          </AppButton>
        </View>
      )}
      {may('accept') && (
        <View className="qa-actions">
          <AppButton className="e2e-accept" type="primary" block loading={busy} onClick={() => void run(() => call('qa', 'accept', { id: q.id }), '已受理')}>
            受理
          </AppButton>
        </View>
      )}
      <Section title="答复">
        <AnswerForm q={q} run={run} busy={busy} />
      </Section>
      {may('transfer') && (
        <Section title="转交">
          <TransferForm q={q} run={run} busy={busy} />
        </Section>
      )}
    </View>
  );
}
