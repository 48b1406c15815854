import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { RecordView } from '@/features/records/record-view';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';

export default function RecordsPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const { state, reload } = useAsync(() => call('checkin', 'myRecord', year === undefined ? {} : { year }), [year]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <PageRoot className="page-records">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(record) => <RecordView record={record} onYear={setYear} />}
      </AsyncView>
    </PageRoot>
  );
}
