import { useRef } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AsyncView } from '@/components/state-views';
import { useMe } from '@/lib/use-me';
import { Workbench } from '@/features/staff/workbench';
import type { Reloadable } from '@/features/staff/community-members';

export default function WorkbenchPage() {
  const { state, reload } = useMe();
  const bench = useRef<Reloadable>(null);
  usePullDownRefresh(() => {
    void Promise.all([reload(), bench.current?.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <View className="page page-workbench">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => <Workbench ref={bench} me={me} />}
      </AsyncView>
    </View>
  );
}
