import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FIGURE_DEFINITIONS } from '@/domain/question-figures';
import { formatShanghaiDate } from '@/domain/shanghai-time';
import { useAsync } from '@/lib/use-async';
import { AppButton } from '@/components/app-button';
import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { PERIODS, percent, periodDates, type PeriodKey } from './qa-format';

import './qa.scss';
import { call } from '@/lib/cloud';
import { questionDetailUrl } from '@/routes';

/** e2e hooks of the figures, kept as the tests knew them. */
const FIGURE_HOOKS = { responseRate: 'response', onTimeRate: 'ontime', resolutionRate: 'resolution', satisfactionRate: 'satisfaction' } as const;

function Figures({ communityId }: { communityId: string }) {
  const [period, setPeriod] = useState<PeriodKey>('year');
  const { state, reload } = useAsync(() => {
    const { from, to } = periodDates(period, new Date());
    return call('qa', 'figures', { communityId: communityId, from: from, to: to });
  }, [communityId, period]);
  return (
    <Section title="办理情况" className="e2e-qa-figures">
      <View className="qa-rating qa-rating--pad">
        {PERIODS.map((p) => (
          <AppButton key={p.key} className={`e2e-period-${p.key}`} size="mini" type="primary" fill={p.key === period ? 'solid' : 'outline'} onClick={() => setPeriod(p.key)}>
            {p.label}
          </AppButton>
        ))}
      </View>
      <AsyncView state={state} onRetry={() => void reload()}>
        {(f) => (
          <View>
            <View className="qa-figures">
              {FIGURE_DEFINITIONS.map(({ key, label }) => (
                <View key={key} className="qa-figures__cell">
                  <Text className={`qa-figures__value e2e-figure-${FIGURE_HOOKS[key]}`}>{percent(f[key])}</Text>
                  <Text className="qa-figures__label">{label}</Text>
                </View>
              ))}
            </View>
            <Text className="qa-hint qa-hint--pad e2e-figure-counts">{`${f.from} 至 ${f.to}：收到 ${f.received} 件，答复 ${f.answered} 件，按期 ${f.answeredOnTime} 件，办结 ${f.closed} 件，评价 ${f.rated} 件（满意或基本满意 ${f.satisfied} 件）`}</Text>
            <View className="qa-hint qa-hint--pad e2e-figure-definitions">
              {FIGURE_DEFINITIONS.map(({ key, label, definition }) => (
                <View key={key}>
                  <Text>{`${label}：${definition}`}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
      </AsyncView>
    </Section>
  );
}

/** Public: a community's answered public questions (askers masked) and its figures over a chosen period. */
export function PublicQa({ communityId }: { communityId: string }) {
  const { state, reload } = useAsync(() => call('qa', 'publicList', { communityId: communityId }), [communityId]);
  return (
    <View className="public-qa">
      <Figures communityId={communityId} />
      <AsyncView state={state} onRetry={() => void reload()}>
        {({ community, items }) => (
          <Section title={`${community.name} · 问政公开`} className="e2e-public-questions">
            {items.length === 0 && <EmptyState title="暂无公开的问答" />}
            {items.map((q) => (
              <View key={q.id} className={`qa-card e2e-public-question e2e-public-question-${q.id}`} onClick={() => void Taro.navigateTo({ url: questionDetailUrl(q.id) })}>
                <Text className="qa-card__title">{q.title}</Text>
                <Text className="qa-card__meta">{`${q.category} · ${q.askerName} · ${formatShanghaiDate(q.askedAt)}`}</Text>
                {q.progress === 'reopened' ? (
                  <>
                    <Text className="qa-card__note e2e-public-reopened">重新办理中：提问人对答复不满意或有追问，社区正在重新办理</Text>
                    <Text className="qa-card__answer">{`原答复：${q.answer}`}</Text>
                  </>
                ) : (
                  <Text className="qa-card__answer">{`${q.progress === 'closed' ? '已办结' : '已答复'} · 答复：${q.answer}`}</Text>
                )}
                {q.rating && <Text className="qa-card__rating">{`评价：${q.rating}`}</Text>}
              </View>
            ))}
          </Section>
        )}
      </AsyncView>
    </View>
  );
}
