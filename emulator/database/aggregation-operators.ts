import type { Iterator } from 'mingo/lazy';
import { Lazy } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import type { Doc } from './ejson';
import { encodeKeyPart } from './key-codec';
import { assertSortSpec, sortDocs } from './sort-order';

/**
 * Where mingo's operators differ from MongoDB's, the MongoDB behaviour, for the aggregation context in
 * query-language.ts. Errors are plain Errors: the caller turns them into the platform's answer.
 */
type Options = Parameters<typeof accumulatorOperators.$push>[2];

/** `$push` in `$group`: a document whose expression is missing adds nothing (mingo adds null). */
function $push(collection: Doc[], expr: unknown, options: Options): unknown[] {
  if (expr === null || expr === undefined) return collection;
  const values = accumulatorOperators.$push(collection, expr, options) as unknown[];
  const types = accumulatorOperators.$push(collection, { $type: expr }, options) as unknown[];
  return values.filter((_, i) => types[i] !== 'missing');
}

/** `$addToSet`: distinct present values, equal as MongoDB compares them (1 and 1.0 are one value). */
function $addToSet(collection: Doc[], expr: unknown, options: Options): unknown[] {
  const seen = new Set<string>();
  return $push(collection, expr, options).filter((value) => {
    const key = encodeKeyPart(value).toString('latin1');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `$count` over no documents yields no document (mingo yields `{ n: 0 }`). */
function $count(collection: Iterator, field: unknown): Iterator {
  if (typeof field !== 'string' || field.trim() === '' || field.includes('.') || field.startsWith('$')) {
    throw new Error('$count expects a non-empty field name that does not start with "$" or contain "."');
  }
  return collection.transform((docs: Doc[]) => Lazy(docs.length > 0 ? [{ [field]: docs.length }] : []));
}

/** `$sample`: `size` distinct documents at most (mingo draws with replacement and trusts `size`). */
function $sample(collection: Iterator, spec: unknown): Iterator {
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) throw new Error('the $sample stage specification must be an object');
  for (const key of Object.keys(spec)) if (key !== 'size') throw new Error(`unrecognized option to $sample: ${key}`);
  const { size } = spec as { size?: unknown };
  if (size === undefined) throw new Error('$sample stage must specify a size');
  if (typeof size !== 'number' || Number.isNaN(size)) throw new Error('size argument to $sample must be a number');
  if (size < 0) throw new Error('size argument to $sample must not be negative');
  return collection.transform((docs: Doc[]) => {
    const picked = docs.slice();
    const count = Math.min(Math.floor(size), picked.length);
    // The first `count` steps of a Fisher–Yates shuffle: a uniform sample without replacement.
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(Math.random() * (picked.length - i));
      [picked[i], picked[j]] = [picked[j], picked[i]];
    }
    picked.length = count;
    return Lazy(picked);
  });
}

/** `$sort` with MongoDB's order for arrays (mingo compares whole arrays). */
function $sort(collection: Iterator, spec: unknown): Iterator {
  assertSortSpec(spec);
  return collection.transform((docs: Doc[]) => Lazy(sortDocs(docs, (doc) => doc, spec)));
}

export const accumulatorOverrides = { $push, $addToSet };
export const pipelineOverrides = { $count, $sample, $sort };
