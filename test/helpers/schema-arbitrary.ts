import fc from 'fast-check';
import { z } from 'zod';

/**
 * Payload generators derived from each action's zod schema (through its JSON Schema), and the mutations the
 * reliability suite sends: missing, extra, wrong-typed, huge, Unicode edge cases and injection-shaped values.
 */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Values that should satisfy the schema (refinements aside), so handlers get past validation too. */
export function arbitraryOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map(arbitraryOf));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1000));
      if (schema.format === 'date-time') return fc.date({ min: new Date('2024-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 50, 200), unit: 'grapheme' });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? arbitraryOf(schema.items) : fc.anything(), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'object': {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, arbitraryOf(sub)]));
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue();
  }
}

const HOSTILE_VALUES: unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $where: 'sleep(1000)' },
  '{"$ne":null}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '\u0000',
  '\ud800',
  '𠮷'.repeat(300),
  '👨‍👩‍👧‍👦',
  'a'.repeat(100_000),
  '',
  '   ',
  null,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  [],
  [[[[[]]]]],
  {},
  { __proto__: { admin: true } },
];

/** One mutation of a valid payload: a field removed, added, or replaced by a wrong-typed or hostile value. */
export function mutationOf(schema: JsonSchema): fc.Arbitrary<(payload: Record<string, unknown>) => Record<string, unknown>> {
  const keys = Object.keys(schema.properties ?? {});
  const hostile = fc.constantFrom(...HOSTILE_VALUES);
  const removeField = fc.constantFrom(...(keys.length ? keys : ['_'])).map((key) => (p: Record<string, unknown>) => {
    const copy = { ...p };
    delete copy[key];
    return copy;
  });
  const extraField = fc.tuple(fc.constantFrom('openid', '_id', 'role', 'status', '$set', 'constructor', 'extra'), hostile).map(([key, value]) => (p: Record<string, unknown>) => ({ ...p, [key]: value }));
  const replaceField = fc.tuple(fc.constantFrom(...(keys.length ? keys : ['_'])), hostile).map(([key, value]) => (p: Record<string, unknown>) => ({ ...p, [key]: value }));
  return fc.oneof(removeField, extraField, replaceField, replaceField);
}
