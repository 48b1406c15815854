/**
 * Field messages for forms, from the same zod schema the function uses (client side) and from the
 * server's INVALID_ARGUMENT issues (server side), so both show under the field they are about.
 */
import type { z } from 'zod';
import type { FieldIssue } from '@/domain/errors';
import { CloudError, toCloudError } from './cloud-error';

export type FieldErrors = Record<string, string>;
/** Key for messages that belong to no field on the form. */
export const FORM_KEY = '_form';

/** `skills.2` → `skills`: the form shows messages per top-level field. */
export function fieldOf(path: string): string {
  const head = path.split('.')[0] ?? '';
  return head && head !== '(参数)' ? head : FORM_KEY;
}

/** First message per field; fields the form does not show (or unnamed ones) collect under FORM_KEY. */
export function issuesToFieldErrors(issues: readonly FieldIssue[], knownFields?: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    // A form that shows a nested field (`milestones.0.dueDate`) beside it names that path; others get the top field.
    let key = knownFields?.includes(issue.field) ? issue.field : fieldOf(issue.field);
    if (knownFields && key !== FORM_KEY && !knownFields.includes(key)) key = FORM_KEY;
    if (key === FORM_KEY) {
      errors[FORM_KEY] = errors[FORM_KEY] ? `${errors[FORM_KEY]}；${issue.message}` : issue.message;
    } else if (!errors[key]) {
      errors[key] = issue.message;
    }
  }
  return errors;
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.length ? i.path.map(String).join('.') : '(参数)', message: i.message }));
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function validateWith<S extends z.ZodType>(schema: S, input: unknown, knownFields?: readonly string[]): Validation<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(zodIssues(result.error), knownFields) };
}

/** A server rejection as field messages (bad input, or text refused by the content check), or null when it is not about the fields. */
export function fieldErrorsFromServer(error: unknown, knownFields?: readonly string[]): FieldErrors | null {
  if (!(error instanceof CloudError)) return null;
  if (error.code === 'CONTENT_REJECTED' && error.details?.issues?.length) return issuesToFieldErrors(error.details.issues, knownFields);
  if (error.code !== 'INVALID_ARGUMENT') return null;
  const issues = error.details?.issues;
  if (!issues || issues.length === 0) return { [FORM_KEY]: error.message };
  return issuesToFieldErrors(issues, knownFields);
}

/** '' → undefined (so zod says 请填写), a numeric string → number, anything else stays text (zod says 必须是数字). */
export function numberField(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * What a toast says about a failed call: only the Chinese message. The server's INVALID_ARGUMENT message names each
 * field (`reason：…`) for logs; a person sees the issues' own messages instead, never a field key or a code.
 */
export function toastMessage(error: unknown): string {
  const cloudError = toCloudError(error);
  const issues = cloudError.code === 'INVALID_ARGUMENT' ? cloudError.details?.issues : undefined;
  if (!issues || issues.length === 0) return cloudError.message;
  return [...new Set(issues.map((i) => i.message))].join('；');
}

/**
 * A server rejection split for a form: messages of the fields it shows go under them, the rest into the toast.
 * `toast` is null when every message has its field.
 */
export function splitServerErrors(error: unknown, fields: readonly string[]): { fieldErrors: FieldErrors; toast: string | null } {
  const fieldErrors = fieldErrorsFromServer(error, fields);
  if (!fieldErrors) return { fieldErrors: {}, toast: toastMessage(error) };
  const { [FORM_KEY]: rest, ...shown } = fieldErrors;
  if (Object.keys(shown).length === 0) return { fieldErrors: {}, toast: rest ?? toastMessage(error) };
  return { fieldErrors: shown, toast: rest ?? FIX_AND_RETRY };
}

/** The toast when the messages are under their fields. */
export const FIX_AND_RETRY = '请按提示修改后再提交';
