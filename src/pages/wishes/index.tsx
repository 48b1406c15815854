import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { MeView } from '@/domain/user.schema';
import { isSignedIn } from '@/lib/session';
import { WishWall } from '@/features/wishes/wish-wall';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';

/** 微心愿 tab: public; who is looking only adds the 许愿 / 我的 / staff entries. */
export default function WishesPage() {
  const [me, setMe] = useState<MeView | null>(null);
  const [round, setRound] = useState(0);
  useDidShow(() => {
    setRound((r) => r + 1);
    if (isSignedIn()) void call('user', 'me').then(setMe, () => setMe(null));
  });
  usePullDownRefresh(() => {
    setRound((r) => r + 1);
    Taro.stopPullDownRefresh();
  });
  return (
    <PageRoot className="page-wishes">
      <WishWall me={me} round={round} />
    </PageRoot>
  );
}
