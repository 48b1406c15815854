import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { call } from '@/lib/cloud';

/** The caller's MeView; reloaded each time the page shows again (e.g. back from 党员登记). */
export function useMe() {
  const result = useAsync(() => call('user', 'me'), []);
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    void result.reload();
  });
  return result;
}
