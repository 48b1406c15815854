import { useAsync } from '@/lib/use-async';
import { call } from '@/lib/cloud';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** The caller's MeView; reloaded each time the page shows again (e.g. back from 党员登记). */
export function useMe() {
  const result = useAsync(() => call('user', 'me'), []);
  useReloadOnShow(() => result.reload());
  return result;
}
