import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '@/components/state-views';
import { PersonaBar } from '@/features/session/persona-bar';
import { useMe } from '@/lib/use-me';
import { QaHome } from '@/features/qa/qa-home';
import type { Reloadable } from '@/features/qa/my-questions';
import { PageRoot } from '@/components/page-root';

export default function QaPage() {
  const { state, reload } = useMe();
  const home = useRef<Reloadable>(null);
  // Back from a question: its status may have changed.
  useDidShow(() => void home.current?.reload());
  usePullDownRefresh(() => void Promise.all([reload(), home.current?.reload()]).finally(() => Taro.stopPullDownRefresh()));
  return (
    <PageRoot className="page-qa">
      <PersonaBar />
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => <QaHome ref={home} me={me} />}
      </AsyncView>
    </PageRoot>
  );
}
