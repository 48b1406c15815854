import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '@/components/state-views';
import { useMe } from '@/lib/use-me';
import { PersonaBar } from '@/features/session/persona-bar';
import { ProfileCard } from '@/features/profile/profile-card';
import { CareModeSwitch } from '@/features/profile/care-mode-switch';
import { VerifyEntry } from '@/features/profile/verify-entry';
import { PrivacyEntry } from '@/features/privacy/privacy-entry';
import { PageRoot } from '@/components/page-root';

export default function MePage() {
  const { state, reload } = useMe();
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <PageRoot className="page-me">
      <PersonaBar />
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => <ProfileCard me={me} />}
      </AsyncView>
      <VerifyEntry />
      <PrivacyEntry signedIn={state.status === 'ready'} />
      <CareModeSwitch />
    </PageRoot>
  );
}
