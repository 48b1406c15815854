import { forwardRef, useImperativeHandle } from 'react';
import { Text } from '@tarojs/components';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { QuestionCard } from './question-card';

import type { Reloadable } from './my-questions';
import { call } from '@/lib/cloud';
import { qaHandleUrl } from '@/routes';

/** 问政办理: every open question on the caller's desks, nearest deadline first, so the overdue lead. */
export const StaffInbox = forwardRef<Reloadable>(function StaffInbox(_props, ref) {
  const { state, reload } = useAsync(() => call('qa', 'inbox').then((r) => r.items), []);
  useImperativeHandle(ref, () => ({ reload }), [reload]);
  return (
    <AsyncView state={state} onRetry={() => void reload()} isEmpty={(items) => items.length === 0} empty={<EmptyState title="暂无待办问题" description="新的提问、转交和超期上报会出现在这里" />}>
      {(items) => (
        <Section title="待办问题" extra={<Text className="qa-hint">{`共 ${items.length} 件，超期 ${items.filter((i) => i.overdue).length} 件`}</Text>} className="e2e-qa-inbox">
          {items.map((q) => (
            <QuestionCard key={q.id} q={q} url={qaHandleUrl(q.id)} />
          ))}
        </Section>
      )}
    </AsyncView>
  );
});
