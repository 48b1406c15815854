import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StarWorkItem } from '@/domain/star-work';
import { AppButton } from '@/components/app-button';
import { Section } from '@/components/section';
import { AsyncView, EmptyState } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import { urlOf } from '@/routes';
import './stars.scss';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

const open = (item: StarWorkItem) => {
  const year = String(item.year);
  const url = item.kind === 'rate' ? urlOf('starRating', { orgId: item.ratingOrgId, year }) : urlOf('starAssess', { branchId: item.branchId, year });
  void Taro.navigateTo({ url });
};

/** The workbench's 五星创评 entry: the branches waiting for the caller's 自评, 审核 or 评定 this year. */
export function StarWorkList({ year }: { year: number }) {
  const { state, reload } = useAsync(() => call('org', 'myStarWork', { year }), [year]);
  useReloadOnShow(() => reload());
  return (
    <Section title={`${year} 年度五星创评待办`} className="stars e2e-star-work">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(d) =>
          d.items.length === 0 ? (
            <EmptyState title="暂无待办" description="本年度没有等您自评、审核或评定的党支部" />
          ) : (
            <View className="stars__block">
              {d.items.map((item) => (
                <View key={`${item.kind}-${item.branchId}`} className={`stars__card e2e-star-work-${item.kind}`}>
                  <Text className="stars__title">{item.branchName}</Text>
                  <Text className="stars__line">{item.label}</Text>
                  <AppButton className={`e2e-star-work-open-${item.branchId}`} block onClick={() => open(item)}>
                    {item.kind === 'selfAssess' ? '去自评' : item.kind === 'review' ? '去审核' : '去评定'}
                  </AppButton>
                </View>
              ))}
            </View>
          )
        }
      </AsyncView>
    </Section>
  );
}
