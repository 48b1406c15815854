import { useCallback, useEffect, useRef, useState } from 'react';
import { CloudError, toCloudError } from './cloud-error';

export interface AsyncState<T> {
  status: 'loading' | 'ready' | 'error';
  data?: T;
  error?: CloudError;
  /** A reload is under way while earlier data is still shown (pull-down refresh). */
  refreshing: boolean;
}

/**
 * Loads data for a screen and keeps loading / ready / error apart. A reload keeps showing the earlier data;
 * answers that arrive after a newer request started are dropped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[] = []) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading', refreshing: false });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async (): Promise<void> => {
    const mine = ++seq.current;
    setState((s) => (s.data === undefined ? { status: 'loading', refreshing: false } : { ...s, refreshing: true }));
    try {
      const data = await loadRef.current();
      if (mine === seq.current) setState({ status: 'ready', data, refreshing: false });
    } catch (error) {
      if (mine === seq.current) setState((s) => ({ status: 'error', data: s.data, error: toCloudError(error), refreshing: false }));
    }
  }, []);

  useEffect(() => {
    void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { state, reload: run, setData: (data: T) => setState({ status: 'ready', data, refreshing: false }) };
}
