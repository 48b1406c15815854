import { Text, View } from '@tarojs/components';
import { Section } from '@/components/section';
import { AsyncView } from '@/components/state-views';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';
import './org.scss';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** Filled and empty stars with the words beside them: the glyphs alone say nothing to a screen reader. */
const starGlyphs = (stars: number) => `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}`;

/** 五星创评 on a branch's page: its current star and the years before, only ratings whose 公示 has ended. */
export function OrgStars({ orgId }: { orgId: string }) {
  const { state, reload } = useAsync(() => call('org', 'orgStars', { orgId }), [orgId]);
  useReloadOnShow(() => reload());
  if (state.data && !state.data.rated) return null;
  return (
    <Section title="五星支部" className="e2e-org-stars">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(d) =>
          d.current ? (
            <>
              <View className="org__card e2e-org-current-star">
                <Text className="org__title">{`${d.current.year} 年度：${d.current.starsLabel}支部`}</Text>
                <Text className="org__line">{starGlyphs(d.current.stars)}</Text>
              </View>
              {d.history.length > 1 && <Text className="org__line">历年评定</Text>}
              {d.history.slice(1).map((h) => (
                <Text key={h.year} className="org__line e2e-org-star-year">{`${h.year} 年度：${h.starsLabel}`}</Text>
              ))}
            </>
          ) : (
            <Text className="org__line e2e-org-no-star">还没有公示期满的星级评定</Text>
          )
        }
      </AsyncView>
    </Section>
  );
}
