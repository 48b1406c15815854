import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { AsyncView } from '@/components/state-views';
import { PageRoot } from '@/components/page-root';
import { ExportPanel } from '@/features/privacy/export-panel';
import { MyDataSections } from '@/features/privacy/my-data-sections';
import { WithdrawPanel } from '@/features/privacy/withdraw-panel';
import { call } from '@/lib/cloud';
import { useAsync } from '@/lib/use-async';

/** 我的 › 我的信息: everything stored about me, the export, and 注销 (with what it will do). */
export default function MyDataPage() {
  const { state, reload } = useAsync(() => Promise.all([call('user', 'myData'), call('user', 'withdrawPreview')]), []);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <PageRoot className="page-my-data">
      <AsyncView state={state} onRetry={() => void reload()}>
        {([view, preview]) => (
          <>
            <MyDataSections view={view} />
            <ExportPanel />
            <WithdrawPanel preview={preview} />
          </>
        )}
      </AsyncView>
    </PageRoot>
  );
}
