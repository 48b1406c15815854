import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { recentQuarters } from '@/domain/stat-period';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import './stats.scss';

/** The level above: which units have submitted the quarter's 统计表 (those still to submit first). */
export function Submissions() {
  const quarters = recentQuarters(new Date());
  const [choice, setChoice] = useState(quarters[0].value);
  const picked = quarters.find((q) => q.value === choice) ?? quarters[0];
  const { state, reload } = useAsync(() => call('ledger', 'submissions', { year: picked.year, quarter: picked.quarter }), [picked.year, picked.quarter]);
  return (
    <Section title="统计表报送情况" className="stats e2e-submissions">
      <View className="stats__filters">
        <OptionPicker hook="quarter" title="选择季度" options={quarters.map((q) => ({ value: q.value, label: q.label }))} value={choice} onChange={setChoice} />
      </View>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(data) =>
          data.rows.length === 0 ? (
            <EmptyState title="暂无单位" description="系统中还没有登记单位" />
          ) : (
            <View>
              <Text className="stats__note">{`${data.periodLabel}：${data.rows.length} 个单位中已报送 ${data.submittedCount} 个`}</Text>
              {data.rows.map((r) => (
                <View key={r.unitId} className={`stats__unit e2e-submission-${r.submitted ? 'done' : 'missing'}`}>
                  <Text className="stats__unit-name">{r.unitName}</Text>
                  <Text className={`stats__status${r.submitted ? ' stats__status--done' : ''}`}>{r.submitted ? `已报送　${r.submittedAt}` : '未报送'}</Text>
                </View>
              ))}
            </View>
          )
        }
      </AsyncView>
    </Section>
  );
}
