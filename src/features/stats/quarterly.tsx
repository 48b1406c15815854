import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { recentQuarters } from '@/domain/stat-period';
import { AppButton } from '@/components/app-button';
import { LedgerTableView } from '@/components/ledger-table-view';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { newRequestId } from '@/lib/request-id';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import './stats.scss';

/**
 * 四进四联 活动进展情况统计表 of one unit or community for a chosen quarter, computed from the records; a unit admin
 * submits (报送) the quarter once, to the level above.
 */
export function QuarterlyTable({ scopeType, scopeId }: { scopeType: 'unit' | 'community'; scopeId: string }) {
  const quarters = recentQuarters(new Date());
  const [choice, setChoice] = useState(quarters[0].value);
  const picked = quarters.find((q) => q.value === choice) ?? quarters[0];
  const { state, reload } = useAsync(() => call('ledger', 'quarterly', { scopeType, scopeId, year: picked.year, quarter: picked.quarter }), [scopeType, scopeId, picked.year, picked.quarter]);
  const { run, busy } = useAction();

  async function submit() {
    const ok = await confirmAction({
      title: `报送${picked.label}统计表？`,
      content: '报送后本季度的统计表即上报上级党组织，不能撤回或再次报送。',
      confirmText: '报送',
    });
    if (!ok) return;
    const done = await run('ledger', 'submitQuarterly', { unitId: scopeId, year: picked.year, quarter: picked.quarter, requestId: newRequestId() }, { done: '已报送' });
    if (done) await reload();
  }

  return (
    <Section title="“四进四联”活动进展情况统计表" className="stats e2e-quarterly">
      <View className="stats__filters">
        <OptionPicker hook="quarter" title="选择季度" options={quarters.map((q) => ({ value: q.value, label: q.label }))} value={choice} onChange={setChoice} />
      </View>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(data) => (
          <>
            <LedgerTableView table={data.table} />
            {scopeType === 'unit' && (
              <View className="stats__submit">
                {data.submission ? (
                  <Text className="stats__status stats__status--done e2e-quarterly-submitted">{`已报送　${data.submission.submittedAt}　${data.submission.submittedByName}`}</Text>
                ) : (
                  <Text className="stats__status e2e-quarterly-unsubmitted">本季度尚未报送</Text>
                )}
                {data.canSubmit && (
                  <AppButton className="e2e-quarterly-submit" type="primary" block loading={busy} onClick={() => void submit()}>
                    报送本季度统计表
                  </AppButton>
                )}
              </View>
            )}
          </>
        )}
      </AsyncView>
    </Section>
  );
}
