import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { OptionPicker } from '@/components/option-picker';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import './org.scss';

const thisYear = () => new Date().getFullYear();

/** The unit's view of its members' pledges (一单一表): approved pledges of a year with their 评诺. */
export function UnitPledges({ unitId }: { unitId: string }) {
  const [year, setYear] = useState(thisYear());
  const { state, reload } = useAsync(() => call('org', 'unitPledges', { unitId, year }), [unitId, year]);
  const years = [thisYear(), thisYear() - 1, thisYear() - 2].map((y) => ({ value: String(y), label: `${y} 年` }));
  return (
    <View className="org e2e-unit-pledges">
      <Section title="年度">
        <OptionPicker hook="pledge-year" title="选择年度" options={years} value={String(year)} onChange={(v) => setYear(Number(v))} />
      </Section>
      <Section title="本单位党员承诺与评诺">
        <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="该年度没有已定诺的承诺" />}>
          {(d) => (
            <>
              {d.items.map((p) => (
                <View key={p.id} className="org__card e2e-unit-pledge">
                  <Text className="org__title">{p.text}</Text>
                  <Text className="org__line">{`${p.memberName} · ${p.branchName} · ${p.category}`}</Text>
                  <Text className="org__line">{`践诺记录 ${p.progress.length} 条`}</Text>
                  <Text className={p.rating ? 'org__ok e2e-unit-pledge-rating' : 'org__line'}>{p.rating ? `评诺：${p.rating.gradeLabel}。${p.rating.comment}` : '评诺：尚未评定'}</Text>
                </View>
              ))}
            </>
          )}
        </AsyncView>
      </Section>
    </View>
  );
}
