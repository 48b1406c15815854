/**
 * The values a dotted path reaches in a document, the way a MongoDB multikey index sees them:
 * arrays met along the path are walked element by element, an array at the end contributes each
 * element (an empty one contributes itself), and a missing field contributes `undefined` (null).
 */
export function valuesAtPath(value: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(value, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(value) && value.length > 0) out.push(...value);
    else out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    if (/^\d+$/.test(parts[i])) {
      collect(value[Number(parts[i])], parts, i + 1, out);
      return;
    }
    if (value.length === 0) out.push(undefined);
    for (const element of value) collect(element, parts, i, out);
    return;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    collect((value as Record<string, unknown>)[parts[i]], parts, i + 1, out);
    return;
  }
  out.push(undefined);
}
