import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { StaffInbox } from '@/features/qa/staff-inbox';
import type { Reloadable } from '@/features/qa/my-questions';

export default function QaInboxPage() {
  const inbox = useRef<Reloadable>(null);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void inbox.current?.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => void inbox.current?.reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <View className="page page-qa-inbox">
      <StaffInbox ref={inbox} />
    </View>
  );
}
