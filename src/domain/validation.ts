import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { invalidArgument, type FieldIssue } from './errors';

// Chinese fallback messages for every schema; fields that matter to people carry their own message.
z.config(zhCN());

/** Client request id: makes a retried write return the first result instead of writing twice. */
export const requestIdSchema = z
  .string({ error: '请求编号必须是文本' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确（8–64 位字母、数字、- 或 _）');

export const idSchema = (label: string) =>
  z.string({ error: `${label}必须是文本编号` }).regex(/^[A-Za-z0-9_-]{1,64}$/, `${label}格式不正确`);

export const latitudeSchema = z.number({ error: '纬度必须是数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
export const longitudeSchema = z
  .number({ error: '经度必须是数字' })
  .min(-180, '经度应在 -180 到 180 之间')
  .max(180, '经度应在 -180 到 180 之间');

// What a person cannot see: whitespace (incl. U+3000), control characters, and format characters such as
// zero-width spaces/joiners and the BOM. Text made only of these is empty to the reader, whatever its length.
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Zs}\u115F\u1160\u3164\uFFA0]/gu;

/** How many characters of the text a person can see. */
export const visibleLength = (value: string): number => [...value.replace(INVISIBLE, '')].length;

/** Trimmed text with a Chinese message for empty (also when only invisible characters) and too long. */
export const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine((v) => visibleLength(v) >= Math.max(min, 1), min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);

/**
 * The length limit a text field's schema declares, so a form's counter and maxLength read the same number the server
 * checks (optional/nullable/default wrappers are looked through). A field without a maximum is a mistake in the form.
 */
export function maxLengthOf(schema: z.ZodType): number {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  const max = current instanceof z.ZodString ? current.maxLength : null;
  if (max === null) throw new Error('maxLengthOf: the schema declares no maximum length');
  return max;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(参数)',
    message: issue.message,
  }));
}

/** Parse or throw INVALID_ARGUMENT naming each field and why. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidArgument(issuesOf(result.error));
  return result.data;
}
