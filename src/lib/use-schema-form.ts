import { useRef, useState } from 'react';
import type { z } from 'zod';
import { FIX_AND_RETRY, FORM_KEY, fieldErrorsFromServer, toastMessage, validateWith, type FieldErrors } from './field-errors';
import { requestIdFor, type PendingRequest } from './request-id';

export interface SchemaFormOptions<V, S extends z.ZodType, R> {
  initial: () => V;
  schema: S;
  /** Form values (text) → the schema's input (numbers parsed etc.). */
  toInput: (values: V) => unknown;
  fields: readonly string[];
  /** The write; the request id stays the same while the checked data is unchanged, so a retry cannot write twice. */
  submit: (data: z.output<S>, requestId: string) => Promise<R>;
  onDone: (result: R) => void;
  onFail?: (message: string) => void;
}

/** A form checked with the action's schema, then by the server, each message under its field. */
export function useSchemaForm<V extends Record<string, unknown>, S extends z.ZodType, R>(opts: SchemaFormOptions<V, S, R>) {
  const [values, setValues] = useState<V>(opts.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const pending = useRef<PendingRequest | null>(null);

  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const k = String(key);
      if (!e[k] && !e[FORM_KEY]) return e;
      const { [k]: _gone, [FORM_KEY]: _form, ...rest } = e;
      return rest;
    });
  };

  const submit = async () => {
    if (submitting) return;
    const checked = validateWith(opts.schema, opts.toInput(values), opts.fields);
    if (!checked.ok) {
      setErrors(checked.errors);
      opts.onFail?.(FIX_AND_RETRY);
      return;
    }
    setErrors({});
    pending.current = requestIdFor(pending.current, checked.data);
    setSubmitting(true);
    try {
      const result = await opts.submit(checked.data, pending.current.requestId);
      pending.current = null;
      setValues(opts.initial());
      opts.onDone(result);
    } catch (error) {
      const fieldErrors = fieldErrorsFromServer(error, opts.fields);
      if (fieldErrors) setErrors(fieldErrors);
      opts.onFail?.(fieldErrors ? FIX_AND_RETRY : toastMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return { values, set, errors, submitting, submit };
}
