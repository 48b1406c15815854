import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { RecordView } from '@/features/records/record-view';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

export default function RecordsPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const { state, reload } = useAsync(() => call('checkin', 'myRecord', year === undefined ? {} : { year }), [year]);
  useReloadOnShow(() => reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <PageRoot className="page-records">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(record) => <RecordView record={record} onYear={setYear} />}
      </AsyncView>
    </PageRoot>
  );
}
