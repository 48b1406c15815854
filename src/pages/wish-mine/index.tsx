import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '@/components/state-views';
import { Section } from '@/components/section';
import { actorOfMe } from '@/domain/user.policy';
import { claimOptions } from '@/domain/wish.policy';
import { useMe } from '@/lib/use-me';
import { MyWishes } from '@/features/wishes/my-wishes';
import { OfferForm } from '@/features/wishes/offer-form';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

export default function WishMinePage() {
  const mine = useAsync(() => call('wish', 'mine'), []);
  const { state: me } = useMe();
  useReloadOnShow(() => mine.reload());
  usePullDownRefresh(() => void mine.reload().finally(() => Taro.stopPullDownRefresh()));
  const canHelp = me.data && claimOptions(actorOfMe(me.data)).length > 0;
  return (
    <PageRoot className="page-wish-mine">
      <AsyncView state={mine.state} onRetry={() => void mine.reload()}>
        {(data) => <MyWishes data={data} />}
      </AsyncView>
      {me.data && canHelp && (
        <Section title="登记认领意向">
          <OfferForm me={me.data} />
        </Section>
      )}
    </PageRoot>
  );
}
