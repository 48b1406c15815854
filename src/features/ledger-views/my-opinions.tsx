import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { APPEAL_MAX } from '@/domain/community-opinion';
import type { OpinionView } from '@/domain/ledger-views.schema';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { TextArea } from '@/components/text-area';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import './ledger-views.scss';

function OpinionCard({ opinion, onSaved }: { opinion: OpinionView; onSaved: () => void }) {
  const [text, setText] = useState('');
  const { run, busy, errors, clearError } = useAction({ fields: ['text'] });
  return (
    <View className="ledger-views__card e2e-my-opinion">
      <Text className="ledger-views__name">{`${opinion.year}年　${opinion.gradeLabel}`}</Text>
      <Text className="ledger-views__line">{`${opinion.communityName}：${opinion.comment}`}</Text>
      <Text className="ledger-views__line">{`提出时间 ${opinion.ratedAt}`}</Text>
      {opinion.appeal ? (
        <Text className="ledger-views__line e2e-my-opinion-appeal">{`我的申辩（${opinion.appeal.at}）：${opinion.appeal.text}`}</Text>
      ) : (
        <>
          <FormField name="text" label="申辩（只能提出一次）" error={errors.text}>
            <TextArea className="e2e-input-appeal" value={text} limit={APPEAL_MAX} placeholder="对意见有不同看法，可在此说明" onChange={(v) => {
              setText(v);
              clearError('text');
            }} />
          </FormField>
          <View className="form-actions">
            <AppButton
              className="e2e-appeal-submit"
              block
              loading={busy}
              onClick={async () => {
                if (!(await confirmAction({ title: '提出申辩', content: '每条意见只能申辩一次，提交后不能修改，社区会看到您的申辩。', confirmText: '提交' }))) return;
                const saved = await run('ledger', 'appealOpinion', { opinionId: opinion.id, text }, { done: '申辩已提交' });
                if (saved) onSaved();
              }}
            >
              提交申辩
            </AppButton>
          </View>
        </>
      )}
    </View>
  );
}

/** 我的 → 社区对我的意见: what the community said about me each year, and my one answer to it. */
export function MyOpinions() {
  const { state, reload } = useAsync(() => call('ledger', 'myOpinions', {}), []);
  return (
    <Section title="社区对我的意见" className="ledger-views e2e-my-opinions">
      <AsyncView
        state={state}
        onRetry={() => void reload()}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="暂无社区意见" description="报到社区每年会对报到党员提出意见" />}
      >
        {(data) => (
          <>
            {data.items.map((o) => (
              <OpinionCard key={o.id} opinion={o} onSaved={() => void reload()} />
            ))}
          </>
        )}
      </AsyncView>
    </Section>
  );
}
