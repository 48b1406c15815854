import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { WallFilters } from '@/domain/wish.schema';
import type { MeView } from '@/domain/user.schema';
import { AppButton } from '@/components/app-button';
import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { hasRole } from '@/lib/role-labels';
import { useAsync } from '@/lib/use-async';
import { LedgerTable } from './ledger-table';
import { WishCard } from './wish-card';
import { WishFilters } from './wish-filters';
import './wishes.scss';
import { call } from '@/lib/cloud';
import { ROUTES, WISH_MINE_URL, WISH_POST_URL } from '@/routes';

const STAFF_WISH_PAGES = [
  { key: 'review', title: '心愿审核', url: ROUTES.staffWishReview },
  { key: 'chase', title: '认领督办', url: ROUTES.staffWishChase },
  { key: 'campaign', title: '心愿活动', url: ROUTES.staffWishCampaign },
  { key: 'match', title: '意向匹配', url: ROUTES.staffWishMatch },
] as const;

type Tab = 'wall' | 'publicity';

/** The 微心愿 tab: the public wall with filters and the ledger, and the 公示 of closed wishes. Readable without login. */
export function WishWall({ me, round }: { me: MeView | null; round: number }) {
  const [filters, setFilters] = useState<WallFilters>({});
  const [tab, setTab] = useState<Tab>('wall');
  const communities = useAsync(() => call('user', 'listCommunities').then((r) => r.items), []);
  const wall = useAsync(() => call('wish', 'wall', { ...filters, page: 0 }), [filters, round]);
  const publicity = useAsync(() => call('wish', 'publicity', filters.communityId ? { communityId: filters.communityId } : {}), [filters.communityId, tab, round]);
  const isStaff = me !== null && hasRole(me, 'community_staff', 'league_staff', 'admin');

  return (
    <View className="wish-wall">
      <View className="wish-hero">
        <Text className="wish-hero__title">干群心连心，点亮微心愿</Text>
        <Text className="wish-hero__note">有需求、有认领、有销号，公开透明</Text>
        <View className="wish-hero__actions">
          <AppButton className="e2e-wish-post-cta" size="small" onClick={() => void Taro.navigateTo({ url: WISH_POST_URL })}>
            我要许愿
          </AppButton>
          {me && (
            <AppButton className="e2e-wish-mine" size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: WISH_MINE_URL })}>
              我的心愿与认领
            </AppButton>
          )}
        </View>
      </View>

      {isStaff && (
        <Section title="心愿工作台">
          <View className="wish-staff-links">
            {STAFF_WISH_PAGES.map((p) => (
              <AppButton key={p.key} className={`e2e-wish-staff-${p.key}`} size="small" fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: p.url })}>
                {p.title}
              </AppButton>
            ))}
          </View>
        </Section>
      )}

      <Section title="心愿台账">
        <AsyncView state={wall.state} onRetry={() => void wall.reload()}>
          {(data) => <LedgerTable rows={data.ledger} />}
        </AsyncView>
      </Section>

      <WishFilters communities={communities.state.data ?? []} value={filters} onChange={setFilters} />
      <View className="wish-tabs">
        <View className={`wish-tabs__tab e2e-tab-wall${tab === 'wall' ? ' wish-tabs__tab--active' : ''}`} onClick={() => setTab('wall')}>
          心愿墙
        </View>
        <View className={`wish-tabs__tab e2e-tab-publicity${tab === 'publicity' ? ' wish-tabs__tab--active' : ''}`} onClick={() => setTab('publicity')}>
          销号公示
        </View>
      </View>

      {tab === 'wall' ? (
        <AsyncView
          state={wall.state}
          onRetry={() => void wall.reload()}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState title="暂无待认领的心愿" description="换个筛选条件看看，或稍后再来" />}
        >
          {(data) => (
            <View className="e2e-wall-list">
              {data.items.map((w) => (
                <WishCard key={w.id} wish={w} />
              ))}
            </View>
          )}
        </AsyncView>
      ) : (
        <AsyncView
          state={publicity.state}
          onRetry={() => void publicity.reload()}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState title="暂无销号公示" description="心愿送达并确认后会在这里公示" />}
        >
          {(data) => (
            <View className="e2e-publicity-list">
              {data.items.map((w) => (
                <WishCard key={w.id} wish={w} showHelper />
              ))}
            </View>
          )}
        </AsyncView>
      )}
    </View>
  );
}
