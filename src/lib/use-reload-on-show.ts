import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Calls `reload` each time the page shows again, not on its first show: back from a page above it (where the person
 * may have changed what this page lists), or the app back from the background. Taro keeps a page below in the stack
 * mounted, so without this it would show what it read when it opened.
 */
export function useReloadOnShow(reload: () => unknown): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
}
