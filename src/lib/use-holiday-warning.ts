import { call } from './cloud';
import { useAsync } from './use-async';

/**
 * 「2027 年的节假日安排尚未录入…」 for staff screens, or null. A failed read shows nothing: the warning is advice,
 * and the screen it sits on has its own error state.
 */
export function useHolidayWarning(enabled: boolean): string | null {
  const { state } = useAsync(() => (enabled ? call('user', 'holidayCalendar').then((v) => v.warning) : Promise.resolve(null)), [enabled]);
  return state.data ?? null;
}
