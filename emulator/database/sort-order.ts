import type { Doc } from './ejson';
import { encodeKeyPart } from './key-codec';

export type SortSpec = Record<string, 1 | -1>;

/**
 * MongoDB's sort order, stable: an array sorts by its smallest element ascending and by its largest
 * descending, an empty array before null, a missing field as null; values compare as index keys do.
 */
export function sortDocs<T>(items: T[], docOf: (item: T) => Doc, spec: SortSpec): T[] {
  const fields = Object.entries(spec);
  const keyed = items.map((item, index) => ({ item, index, keys: fields.map(([field, direction]) => sortKey(docOf(item), field, direction)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = Buffer.compare(a.keys[i], b.keys[i]);
      if (order !== 0) return order * fields[i][1];
    }
    return a.index - b.index;
  });
  return keyed.map((entry) => entry.item);
}

export function assertSortSpec(spec: unknown): asserts spec is SortSpec {
  if (!spec || typeof spec !== 'object' || Array.isArray(spec) || Object.keys(spec).length === 0) throw new Error('$sort specification must be a non-empty object');
  for (const [field, direction] of Object.entries(spec)) {
    if (direction !== 1 && direction !== -1) throw new Error(`$sort key ordering must be 1 (for ascending) or -1 (for descending), got ${JSON.stringify(direction)} for ${field}`);
  }
}

function sortKey(doc: Doc, field: string, direction: 1 | -1): Buffer {
  let best: Buffer | undefined;
  for (const value of sortValues(doc, field.split('.'))) {
    const key = encodeKeyPart(value);
    if (!best || Buffer.compare(key, best) * direction < 0) best = key;
  }
  return best ?? encodeKeyPart(null);
}

/** The values a sort on `path` considers: through arrays of documents, and a leaf array's elements. */
function sortValues(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) && value.length > 0 ? value : [value];
  const [part, ...rest] = path;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) return sortValues(value[Number(part)], rest);
    if (value.length === 0) return [undefined];
    return value.flatMap((element) => (element && typeof element === 'object' && !Array.isArray(element) ? sortValues(element, path) : [undefined]));
  }
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) return sortValues((value as Doc)[part], rest);
  return [undefined];
}
