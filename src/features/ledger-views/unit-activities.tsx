import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { presetRanges } from '@/domain/ledger-range';
import { SERVICE_LOG_STATUS_LABELS } from '@/domain/service-log.schema';
import { LedgerTableView } from '@/components/ledger-table-view';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { ExportExcel } from './export-excel';
import './ledger-views.scss';

const ALL = 'all';
const STATUSES = [
  { value: ALL, label: '全部状态' },
  { value: 'confirmed', label: SERVICE_LOG_STATUS_LABELS.confirmed },
  { value: 'pending', label: SERVICE_LOG_STATUS_LABELS.pending },
];

/** The unit's 四进四联 台账: period and status as pickers, the total row, the Excel file. */
export function UnitActivities({ unitId }: { unitId: string }) {
  const ranges = presetRanges(new Date());
  const [choice, setChoice] = useState(ranges[2].value);
  const [status, setStatus] = useState(ALL);
  const range = ranges.find((r) => r.value === choice) ?? ranges[2];
  const filters = { table: 'unitActivities', unitId, from: range.from, to: range.to, ...(status === ALL ? {} : { status: status as 'confirmed' | 'pending' }) } as const;
  const { state, reload } = useAsync(() => call('ledger', 'ledgerTable', filters), [unitId, range.from, range.to, status]);
  return (
    <Section title="四进四联工作台账" className="ledger-views e2e-unitActivities">
      <View className="ledger-views__filters">
        <OptionPicker hook="ledger-range" title="选择统计期间" options={ranges.map((r) => ({ value: r.value, label: r.label }))} value={choice} onChange={setChoice} />
        <OptionPicker hook="ledger-status" title="选择状态" options={STATUSES} value={status} onChange={setStatus} />
      </View>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(data) => (
          <>
            {data.hasMore && <Text className="ledger-views__note e2e-ledger-more">{`这里显示前 ${data.table.rows.length} 条，完整台账请导出 Excel。`}</Text>}
            <LedgerTableView table={data.table} />
          </>
        )}
      </AsyncView>
      <ExportExcel payload={filters} />
    </Section>
  );
}
