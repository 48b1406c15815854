import { forwardRef, useImperativeHandle } from 'react';
import { Text } from '@tarojs/components';
import { useAsync } from '@/lib/use-async';
import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { staffInbox } from './qa-api';
import { QuestionCard } from './question-card';
import { qaHandleUrl } from './qa-urls';
import type { Reloadable } from './my-questions';

/** 问政办理: every open question on the caller's desks, nearest deadline first, so the overdue lead. */
export const StaffInbox = forwardRef<Reloadable>(function StaffInbox(_props, ref) {
  const { state, reload } = useAsync(staffInbox, []);
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
