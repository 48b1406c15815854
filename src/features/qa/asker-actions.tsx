import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RATINGS, qaActions, type QuestionView, type Rating } from '@/domain/question.schema';
import { maxLengthOf } from '@/domain/validation';
import { TextArea } from '@/components/text-area';
import { requestIdFor, type PendingRequest } from '@/lib/request-id';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { Section } from '@/components/section';
import { toastInfo } from '@/components/toast';
import './qa.scss';
import { call } from '@/lib/cloud';
import { useAction } from '@/lib/use-action';
import { confirmAction } from '@/lib/confirm';

/** The asker, once answered: rate it (不满意 reopens it once) or ask one follow-up question. */
export function AskerActions({ q, onChanged }: { q: QuestionView; onChanged: (q: QuestionView) => void }) {
  const [text, setText] = useState('');
  const { attempt, busy } = useAction();
  const pending = useRef<PendingRequest | null>(null);
  if (!q.viewer.actions.includes('rate')) return null;

  const run = async (payload: unknown, send: (requestId: string) => Promise<QuestionView>, done: string) => {
    if (busy) return;
    const request = (pending.current = requestIdFor(pending.current, payload));
    const next = await attempt('feedback', () => send(request.requestId), { done });
    if (!next) return;
    pending.current = null;
    setText('');
    onChanged(next);
  };
  const rate = async (rating: Rating) => {
    if (rating === '不满意') {
      const content = q.reopened ? '这次答复将记为不满意，问题结束办理。' : '问题会退回社区重新办理，答复将记为不满意。';
      if (!(await confirmAction({ title: '评价为不满意？', content, confirmText: '不满意' }))) return;
    }
    return run({ rating, text }, (rid) => call('qa', 'rate', { id: q.id, rating, requestId: rid, ...(text.trim() ? { comment: text.trim() } : {}) }), rating === '不满意' && !q.reopened ? '已重新提交办理' : '感谢评价');
  };

  // The rating buttons in the bottom bar, as siblings of the page's content, so they stay in reach over the thread.
  return (
    <>
      <Section title="评价答复" className="e2e-asker-actions">
        <View className="qa-form-block">
          <TextArea className="e2e-input-feedback" value={text} placeholder={q.followedUp ? '评价说明（选填）' : '评价说明（选填），或写下追问'} limit={q.followedUp ? maxLengthOf(qaActions.rate.shape.comment) : maxLengthOf(qaActions.followUp.shape.content)} onChange={setText} />
          {q.reopened ? (
            <Text className="qa-hint">问题已重新办理过一次，本次评价后即办结。</Text>
          ) : (
            <Text className="qa-hint">选择“不满意”，问题将重新办理一次。</Text>
          )}
          {q.viewer.actions.includes('followUp') && (
            <AppButton className="e2e-follow-up" fill="outline" size="small" disabled={busy} onClick={() => (text.trim() ? void run({ followUp: text }, (rid) => call('qa', 'followUp', { id: q.id, content: text, requestId: rid }), '追问已提交') : toastInfo('请先写下追问内容'))}>
              追问（限一次）
            </AppButton>
          )}
        </View>
      </Section>
      <BottomBar className="qa-rating e2e-asker-rating">
        {RATINGS.map((r) => (
          <AppButton key={r} className={`e2e-rate e2e-rate-${RATINGS.indexOf(r)}`} type={r === '不满意' ? 'default' : 'primary'} fill={r === '满意' ? 'solid' : 'outline'} disabled={busy} onClick={() => void rate(r)}>
            {r}
          </AppButton>
        ))}
      </BottomBar>
    </>
  );
}
