import { useRef } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { StaffInbox } from '@/features/qa/staff-inbox';
import type { Reloadable } from '@/features/qa/my-questions';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

export default function QaInboxPage() {
  const inbox = useRef<Reloadable>(null);
  useReloadOnShow(() => inbox.current?.reload());
  usePullDownRefresh(() => void inbox.current?.reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <PageRoot className="page-qa-inbox">
      <StaffInbox ref={inbox} />
    </PageRoot>
  );
}
