import { useRef } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '@/components/state-views';
import { useMe } from '@/lib/use-me';
import { Workbench } from '@/features/staff/workbench';
import type { Reloadable } from '@/features/staff/community-members';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

export default function WorkbenchPage() {
  const { state, reload } = useMe();
  const bench = useRef<Reloadable>(null);
  // Back from a queue: its pending count and the roll follow what was just done there (useMe reloads the person).
  useReloadOnShow(() => bench.current?.reload());
  usePullDownRefresh(() => {
    void Promise.all([reload(), bench.current?.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <PageRoot className="page-workbench">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => <Workbench ref={bench} me={me} />}
      </AsyncView>
    </PageRoot>
  );
}
