import { EmulatorError, EmulatorErrorCode } from '../errors';
import type { Doc } from './ejson';
import { valuesAtPath } from './field-path';
import { encodeKey } from './key-codec';
import type { IndexSpec } from './schema';

/** A declared index as the engine uses it. Geo (2dsphere) indexes keep no entries; they name the field $geoNear uses. */
export interface IndexDef {
  name: string;
  fields: string[];
  unique: boolean;
  geoField?: string;
}

/** MongoDB refuses compound keys over parallel arrays; this bound keeps a pathological document from exploding. */
const MAX_KEYS_PER_DOCUMENT = 1000;

export function toIndexDef(spec: IndexSpec): IndexDef {
  const fields = Object.keys(spec.keys);
  const geoField = fields.find((field) => spec.keys[field] === '2dsphere');
  return { name: spec.name, fields, unique: spec.unique === true, ...(geoField ? { geoField } : {}) };
}

/** The distinct keys a document has in an index; more than one means the index is multikey for it. */
export function indexKeysOf(doc: Doc, index: IndexDef): Buffer[] {
  let tuples: unknown[][] = [[]];
  for (const field of index.fields) {
    const values = valuesAtPath(doc, field);
    const next: unknown[][] = [];
    for (const tuple of tuples) for (const value of values) next.push([...tuple, value]);
    if (next.length > MAX_KEYS_PER_DOCUMENT) {
      throw new EmulatorError(
        EmulatorErrorCode.requestInvalid,
        `index ${index.name}: a document would have more than ${MAX_KEYS_PER_DOCUMENT} keys (compound index over parallel arrays)`,
      );
    }
    tuples = next;
  }
  const unique = new Map<string, Buffer>();
  for (const tuple of tuples) {
    const key = encodeKey(tuple);
    unique.set(key.toString('hex'), key);
  }
  return [...unique.values()];
}
