import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { presetRanges } from '@/domain/ledger-range';
import { LedgerTableView } from '@/components/ledger-table-view';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { ExportExcel } from './export-excel';
import './ledger-views.scss';

/** The community's 报到台账 for a chosen period, with its total and the Excel file. */
export function CheckinLedger({ communityId }: { communityId: string }) {
  const ranges = presetRanges(new Date());
  const [choice, setChoice] = useState(ranges[2].value);
  const range = ranges.find((r) => r.value === choice) ?? ranges[2];
  const { state, reload } = useAsync(() => call('ledger', 'checkinLedger', { communityId, from: range.from, to: range.to }), [communityId, range.from, range.to]);
  return (
    <Section title="报到台账" className="ledger-views e2e-checkin-ledger">
      <View className="ledger-views__filters">
        <OptionPicker hook="ledger-range" title="选择统计期间" options={ranges.map((r) => ({ value: r.value, label: r.label }))} value={choice} onChange={setChoice} />
      </View>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(data) => (
          <>
            {data.hasMore && <Text className="ledger-views__note e2e-ledger-more">{`这里显示前 ${data.table.rows.length} 条，完整台账请导出 Excel。`}</Text>}
            <LedgerTableView table={data.table} />
          </>
        )}
      </AsyncView>
      <ExportExcel payload={{ table: 'checkinLedger', communityId, from: range.from, to: range.to }} />
    </Section>
  );
}
