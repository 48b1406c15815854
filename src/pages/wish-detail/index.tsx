import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MeView } from '@/domain/user.schema';
import { AsyncView } from '@/components/state-views';
import { Section } from '@/components/section';
import { fetchMe } from '@/features/session/me-api';
import { isSignedIn } from '@/features/wishes/signed-in';
import { fetchWish } from '@/features/wishes/wish-api';
import { WishActionBar } from '@/features/wishes/wish-action-bar';
import { WishDetailBody } from '@/features/wishes/wish-detail-view';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';

export default function WishDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const { state, reload, setData } = useAsync(() => fetchWish(id), [id]);
  const [me, setMe] = useState<MeView | null>(null);
  useDidShow(() => {
    if (isSignedIn()) void fetchMe().then(setMe, () => setMe(null));
  });
  const canClaimAsUnit = Boolean(me?.grants.some((g) => g.role === 'unit_admin'));
  const canClaimAsMember = Boolean(me?.roles.includes('member'));
  return (
    <View className="page page-wish-detail">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(wish) => (
          <>
            <WishDetailBody wish={wish} />
            {wish.actions.length > 0 && (
              <Section title="我可以">
                <WishActionBar wish={wish} canClaimAsUnit={canClaimAsUnit} canClaimAsMember={canClaimAsMember} onDone={setData} onStale={() => void reload()} />
              </Section>
            )}
          </>
        )}
      </AsyncView>
    </View>
  );
}
