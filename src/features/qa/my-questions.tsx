import { forwardRef, useImperativeHandle } from 'react';
import { View } from '@tarojs/components';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { QuestionCard } from './question-card';

import { call } from '@/lib/cloud';
import { questionDetailUrl } from '@/routes';

export interface Reloadable {
  reload: () => Promise<void>;
}

/** 我的提问: status and the deadline to meet next. */
export const MyQuestions = forwardRef<Reloadable>(function MyQuestions(_props, ref) {
  const { state, reload } = useAsync(() => call('qa', 'mine').then((r) => r.items), []);
  useImperativeHandle(ref, () => ({ reload }), [reload]);
  return (
    <AsyncView state={state} onRetry={() => void reload()} isEmpty={(items) => items.length === 0} empty={<EmptyState title="还没有提问" description="有问题可以直接向社区党组织反映" />}>
      {(items) => (
        <View className="e2e-my-questions">
          {items.map((q) => (
            <QuestionCard key={q.id} q={q} url={questionDetailUrl(q.id)} />
          ))}
        </View>
      )}
    </AsyncView>
  );
});
