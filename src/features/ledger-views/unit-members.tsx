import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { recentYears } from '@/domain/ledger-range';
import { AppButton } from '@/components/app-button';
import { LedgerTableView } from '@/components/ledger-table-view';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { ExportExcel } from './export-excel';
import './ledger-views.scss';

/** 一单一表: the unit's members, those who never reported in or whose 报到 lapsed first; paged, and as one Excel file. */
export function UnitMembers({ unitId }: { unitId: string }) {
  const years = recentYears(new Date());
  const [year, setYear] = useState(years[0]);
  const [page, setPage] = useState(1);
  const { state, reload } = useAsync(() => call('ledger', 'unitMembers', { unitId, year, page }), [unitId, year, page]);
  return (
    <Section title="本单位党员报到与服务情况" className="ledger-views e2e-unit-members">
      <View className="ledger-views__filters">
        <OptionPicker
          hook="ledger-year"
          title="选择年份"
          options={years.map((y) => ({ value: String(y), label: `${y}年` }))}
          value={String(year)}
          onChange={(v) => {
            setYear(Number(v));
            setPage(1);
          }}
        />
      </View>
      <Text className="ledger-views__note">尚未报到和报到已到期的党员排在前面，请提醒他们到居住地社区报到。</Text>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(data) => (
          <>
            <LedgerTableView table={data.table} />
            {(page > 1 || data.hasMore) && (
              <View className="ledger-views__pager">
                <AppButton className="e2e-ledger-prev" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  上一页
                </AppButton>
                <AppButton className="e2e-ledger-next" disabled={!data.hasMore} onClick={() => setPage(page + 1)}>
                  下一页
                </AppButton>
              </View>
            )}
          </>
        )}
      </AsyncView>
      <ExportExcel payload={{ table: 'unitMembers', unitId, year }} />
    </Section>
  );
}
