/**
 * A condition on a document's fields, written once and used twice: the repository turns it into the `where` of a
 * conditional update (so concurrent writers are decided by the database), and `matches` checks the same rule in
 * memory (to refuse early, or to say why an update did not happen). Equality, or one comparison per field.
 */
export type FieldTest = { $lt: number | Date } | { $lte: number | Date } | { $neq: unknown } | { $ltOrMissing: number };
export type Condition = Record<string, unknown>;

const isTest = (v: unknown): v is FieldTest =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && ['$lt', '$lte', '$neq', '$ltOrMissing'].some((k) => k in v);

const value = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-/.test(v) ? Date.parse(v) : v);

function read(doc: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc);
}

export function matches(doc: Record<string, unknown>, condition: Condition): boolean {
  return Object.entries(condition).every(([path, test]) => {
    const actual = read(doc, path);
    if (!isTest(test)) return value(actual) === value(test);
    if ('$lt' in test) return (value(actual) as number) < (value(test.$lt) as number);
    if ('$lte' in test) return (value(actual) as number) <= (value(test.$lte) as number);
    if ('$neq' in test) return value(actual) !== value(test.$neq);
    return actual === undefined || (actual as number) < test.$ltOrMissing;
  });
}
