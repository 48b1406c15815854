import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AsyncView } from '@/components/state-views';
import { useMe } from '@/lib/use-me';
import { PersonaBar } from '@/features/session/persona-bar';
import { ProfileCard } from '@/features/profile/profile-card';
import { CareModeSwitch } from '@/features/profile/care-mode-switch';

export default function MePage() {
  const { state, reload } = useMe();
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <View className="page page-me">
      <PersonaBar />
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => <ProfileCard me={me} />}
      </AsyncView>
      <CareModeSwitch />
    </View>
  );
}
