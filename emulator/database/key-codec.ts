import { encodeEJSON } from './ejson';

/**
 * Index keys are byte strings whose memcmp order (SQLite BLOB order) is MongoDB's order within a
 * type, and whose type tags follow MongoDB's (and mingo's) cross-type order. Every part is
 * self-delimiting, so compound keys are plain concatenations and a prefix of a key is a key range.
 */
const TAG = {
  emptyArray: 0x04,
  nullish: 0x05,
  number: 0x10,
  string: 0x20,
  object: 0x30,
  array: 0x38,
  other: 0x40,
  objectId: 0x48,
  boolean: 0x50,
  date: 0x60,
  regexp: 0x70,
} as const;

export function encodeKey(parts: unknown[]): Buffer {
  return Buffer.concat(parts.map(encodeKeyPart));
}

export function encodeKeyPart(value: unknown): Buffer {
  if (value === null || value === undefined) return Buffer.from([TAG.nullish]);
  if (typeof value === 'number') return numberPart(value);
  if (typeof value === 'string') return escaped(TAG.string, Buffer.from(value, 'utf8'));
  if (typeof value === 'boolean') return Buffer.from([TAG.boolean, value ? 1 : 0]);
  if (value instanceof Date) return datePart(value);
  if (value instanceof RegExp) return escaped(TAG.regexp, Buffer.from(String(value), 'utf8'));
  if (Array.isArray(value)) return value.length === 0 ? Buffer.from([TAG.emptyArray]) : escaped(TAG.array, Buffer.from(encodeEJSON(value), 'utf8'));
  const bsonType = (value as { _bsontype?: string })._bsontype;
  if (bsonType === 'Long' || bsonType === 'Decimal128' || bsonType === 'Int32' || bsonType === 'Double') return numberPart(Number(String(value)));
  if (bsonType === 'ObjectId') return escaped(TAG.objectId, Buffer.from(String(value), 'utf8'));
  const tag = bsonType ? TAG.other : TAG.object;
  return escaped(tag, Buffer.from(encodeEJSON(value), 'utf8'));
}

/** Values for which byte equality of keys is exactly mingo's equality, so an index may answer `{f: v}`. */
export function isIndexableEquality(value: unknown): boolean {
  return value === null || isIndexableRange(value) || typeof value === 'boolean';
}

/** Values whose type has a meaningful order in key space, so an index may answer `$gt`/`$lt` on them. */
export function isIndexableRange(value: unknown): boolean {
  return (typeof value === 'number' && !Number.isNaN(value)) || typeof value === 'string' || (value instanceof Date && !Number.isNaN(value.getTime()));
}

/** First and past-the-end keys of the part type of `value` (MongoDB compares only within a type). */
export function typeBounds(value: unknown): { start: Buffer; end: Buffer } {
  const tag = encodeKeyPart(value)[0];
  return { start: Buffer.from([tag]), end: Buffer.from([tag + 1]) };
}

/** The smallest key greater than every key that starts with `prefix`; undefined when there is none. */
export function prefixSuccessor(prefix: Buffer): Buffer | undefined {
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (prefix[i] !== 0xff) {
      const next = Buffer.from(prefix.subarray(0, i + 1));
      next[i] += 1;
      return next;
    }
  }
  return undefined;
}

function numberPart(value: number): Buffer {
  const out = Buffer.alloc(9);
  out[0] = TAG.number;
  // NaN sorts below every number in MongoDB; all-zero bytes sort below -Infinity's encoding.
  if (Number.isNaN(value)) return out;
  out.writeDoubleBE(value === 0 ? 0 : value, 1);
  if (out[1] & 0x80) {
    for (let i = 1; i < 9; i++) out[i] = ~out[i] & 0xff;
  } else {
    out[1] |= 0x80;
  }
  return out;
}

function datePart(value: Date): Buffer {
  const out = Buffer.alloc(9);
  out[0] = TAG.date;
  const time = value.getTime();
  out.writeBigUInt64BE(BigInt(Number.isNaN(time) ? 0 : time) + (1n << 63n), 1);
  return out;
}

/** Escapes 0x00 as 0x00 0xFF and terminates with 0x00 0x00, which keeps byte order and makes the part self-delimiting. */
function escaped(tag: number, bytes: Buffer): Buffer {
  const out: number[] = [tag];
  for (const byte of bytes) {
    out.push(byte);
    if (byte === 0) out.push(0xff);
  }
  out.push(0, 0);
  return Buffer.from(out);
}
