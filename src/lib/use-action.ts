/**
 * The one way a screen runs a write: busy state, the success toast, the error toast and the field errors in one place.
 * `run('wish', 'claim', { wishId, asUnit }, { done: '认领成功' })` is checked against the function's table like `call`.
 */
import { useCallback, useRef, useState } from 'react';
import { toastInfo, toastSuccess } from '@/components/toast';
import type { ActionName, FunctionName, InputOf, OutputOf } from './api';
import { call, type CloudError } from './cloud';
import { toCloudError } from './cloud-error';
import { FORM_KEY, splitServerErrors, type FieldErrors } from './field-errors';

export interface RunOptions<R> {
  /** Success toast; a function picks it from the result (undefined: no toast). */
  done?: string | ((result: R) => string | undefined);
  /** What the busy state is called while this runs (default: the action's name), for screens with several buttons. */
  key?: string;
  /** After the toast, for screens that react to a failure (e.g. reload on CONFLICT). */
  onFail?: (error: CloudError) => void;
}

export interface UseActionOptions {
  /** Fields the screen shows: the server's messages about them go under them instead of into the toast. */
  fields?: readonly string[];
}

export function useAction({ fields = [] }: UseActionOptions = {}) {
  const [running, setRunning] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const inFlight = useRef(false);
  const fieldsKey = fields.join(',');

  /** Any task (e.g. read the location, then call): the same busy/toast/field-error handling. Undefined when it failed. */
  const attempt = useCallback(
    async <R>(key: string, task: () => Promise<R>, options: Omit<RunOptions<R>, 'key'> = {}): Promise<R | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setRunning(key);
      setErrors({});
      try {
        const result = await task();
        const done = typeof options.done === 'function' ? options.done(result) : options.done;
        if (done) toastSuccess(done);
        return result;
      } catch (error) {
        const { fieldErrors, toast } = splitServerErrors(error, fields);
        setErrors(fieldErrors);
        if (toast) toastInfo(toast);
        options.onFail?.(toCloudError(error));
        return undefined;
      } finally {
        inFlight.current = false;
        setRunning(null);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fieldsKey],
  );

  const run = useCallback(
    <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, payload: InputOf<F, A>, options: RunOptions<OutputOf<F, A>> = {}) =>
      attempt(options.key ?? action, () => (call as (f: F, a: A, p: InputOf<F, A>) => Promise<OutputOf<F, A>>)(fn, action, payload), options),
    [attempt],
  );

  /** Typing into a field clears its message. */
  const clearError = useCallback((field: string) => {
    setErrors((e) => {
      if (!e[field] && !e[FORM_KEY]) return e;
      const { [field]: _gone, [FORM_KEY]: _form, ...rest } = e;
      return rest;
    });
  }, []);

  return { run, attempt, busy: running !== null, running, errors, setErrors, clearError };
}
