import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AppButton } from '@/components/app-button';
import { ROUTES } from '@/routes';
import { recentMonthRanges } from '@/domain/stat-period';
import { LedgerTableView } from '@/components/ledger-table-view';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { BarChart } from './bar-chart';
import './stats.scss';

const monthLabel = (month: string) => `${Number(month.slice(5))}月`;

/** The street's (or, for the district, every community's) figures over a range of months, and the trend by month. */
export function Dashboard({ streetId }: { streetId?: string }) {
  const ranges = recentMonthRanges(new Date());
  const [choice, setChoice] = useState(ranges[0].value);
  const range = ranges.find((r) => r.value === choice) ?? ranges[0];
  const { state, reload } = useAsync(() => call('ledger', 'dashboard', { from: range.from, to: range.to, ...(streetId ? { streetId } : {}) }), [range.from, range.to, streetId]);
  return (
    <Section title="统计看板" className="stats e2e-dashboard">
      <View className="stats__filters">
        <OptionPicker hook="dashboard-range" title="选择统计期间" options={ranges.map((r) => ({ value: r.value, label: r.label }))} value={choice} onChange={setChoice} />
      </View>
      <View className="stats__filters">
        <AppButton className="e2e-open-submissions" block onClick={() => void Taro.navigateTo({ url: ROUTES.statsSubmissions })}>
          查看各单位统计表报送情况
        </AppButton>
        {!streetId && (
          <AppButton className="e2e-open-star-reports" block onClick={() => void Taro.navigateTo({ url: ROUTES.starReports })}>
            查看五星创评星级统计表报送情况
          </AppButton>
        )}
      </View>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(data) => (
          <>
            <BarChart title="每月确认服务时长" unit="小时" items={data.trend.map((m) => ({ label: monthLabel(m.month), value: m.hours }))} />
            <BarChart title="每月心愿销号" unit="个" items={data.trend.map((m) => ({ label: monthLabel(m.month), value: m.wishClosed }))} />
            <BarChart title="每月问政答复" unit="件" items={data.trend.map((m) => ({ label: monthLabel(m.month), value: m.qAnswered }))} />
            <LedgerTableView table={data.table} />
          </>
        )}
      </AsyncView>
    </Section>
  );
}
