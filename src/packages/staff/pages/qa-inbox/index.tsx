import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { StaffInbox } from '@/features/qa/staff-inbox';
import type { Reloadable } from '@/features/qa/my-questions';
import { PageRoot } from '@/components/page-root';

export default function QaInboxPage() {
  const inbox = useRef<Reloadable>(null);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void inbox.current?.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => void inbox.current?.reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <PageRoot className="page-qa-inbox">
      <StaffInbox ref={inbox} />
    </PageRoot>
  );
}
