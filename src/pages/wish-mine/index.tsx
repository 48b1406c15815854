import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AsyncView } from '@/components/state-views';
import { Section } from '@/components/section';
import { useMe } from '@/features/session/use-me';
import { fetchMine } from '@/features/wishes/wish-api';
import { MyWishes } from '@/features/wishes/my-wishes';
import { OfferForm } from '@/features/wishes/offer-form';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';

export default function WishMinePage() {
  const mine = useAsync(fetchMine, []);
  const { state: me } = useMe();
  useDidShow(() => void mine.reload());
  usePullDownRefresh(() => void mine.reload().finally(() => Taro.stopPullDownRefresh()));
  const canHelp = me.data && (me.data.roles.includes('member') || me.data.grants.some((g) => g.role === 'unit_admin'));
  return (
    <View className="page page-wish-mine">
      <AsyncView state={mine.state} onRetry={() => void mine.reload()}>
        {(data) => <MyWishes data={data} />}
      </AsyncView>
      {me.data && canHelp && (
        <Section title="登记认领意向">
          <OfferForm me={me.data} />
        </Section>
      )}
    </View>
  );
}
