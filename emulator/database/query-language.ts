import { Context, Query, update } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { EmulatorError, EmulatorErrorCode } from '../errors';
import { accumulatorOverrides, pipelineOverrides } from './aggregation-operators';
import type { Doc } from './ejson';
import { geoQueryOperators } from './geo';
import { sortDocs, type SortSpec } from './sort-order';

export type { SortSpec } from './sort-order';

/** mingo with every operator of its default build plus the geo operators it lacks. */
const context = Context.init().addQueryOps(geoQueryOperators as unknown as Parameters<Context['addQueryOps']>[0]);

/**
 * The aggregation context is built from mingo's operator sets rather than on top of its default one,
 * because there the defaults win over additions, and a few of them differ from MongoDB (aggregation-operators.ts).
 * The base Aggregator (mingo/aggregator) does not merge the defaults back in.
 */
const aggregationContext = Context.init({
  accumulator: { ...accumulatorOperators, ...accumulatorOverrides },
  expression: { ...expressionOperators },
  pipeline: { ...pipelineOperators, ...pipelineOverrides },
  projection: { ...projectionOperators },
  query: { ...queryOperators, ...geoQueryOperators },
  window: { ...windowOperators },
} as unknown as Parameters<typeof Context.init>[0]);

type CollectionResolver = (name: string) => Doc[];

export function compileFilter(filter: Doc): (doc: Doc) => boolean {
  const query = refuseInvalid('query', () => new Query(filter, { context }));
  return (doc) => refuseInvalid('query', () => query.test(doc));
}

/** Applies update operators in place; mingo reports nothing for a no-op, so callers compare content themselves. */
export function applyModifier(doc: Doc, modifier: Doc): void {
  refuseInvalid('update', () => update(doc, modifier, undefined, undefined, { queryOptions: { context } }));
}

export function project(docs: Doc[], projection: Doc): Doc[] {
  return refuseInvalid('projection', () => new Query({}, { context }).find<Doc>(docs, projection).all());
}

/** A stable sort in MongoDB's order, of any items that carry a document. */
export function sortBy<T>(items: T[], docOf: (item: T) => Doc, spec: SortSpec): T[] {
  return refuseInvalid('order', () => sortDocs(items, docOf, spec));
}

export function runPipeline(docs: Doc[], pipeline: Doc[], collectionResolver: CollectionResolver): Doc[] {
  // mingo runs every stage but the equality form of $lookup, whose array-localField case it gets wrong
  // (a null per unmatched element, where MongoDB matches any element and adds nothing for the rest).
  let current = docs;
  let pending: Doc[] = [];
  const flush = () => {
    if (pending.length) current = refuseInvalid('aggregation', () => new Aggregator(pending, { context: aggregationContext, collectionResolver }).run(current) as Doc[]);
    pending = [];
  };
  for (const stage of pipeline) {
    const lookup = equalityLookupOf(stage);
    if (!lookup) {
      pending.push(stage);
      continue;
    }
    flush();
    current = equalityLookup(current, lookup, collectionResolver(lookup.from));
  }
  flush();
  return current;
}

interface EqualityLookup {
  from: string;
  localField: string;
  foreignField: string;
  as: string;
}

function equalityLookupOf(stage: Doc): EqualityLookup | null {
  const spec = (stage as { $lookup?: Record<string, unknown> }).$lookup;
  if (!spec || Object.keys(stage).length !== 1) return null;
  const { from, localField, foreignField, as } = spec;
  const strings = [from, localField, foreignField, as].every((v) => typeof v === 'string');
  return strings && Object.keys(spec).length === 4 ? { from, localField, foreignField, as } as EqualityLookup : null;
}

/** MongoDB's equality $lookup: a foreign document joins when its field (or any element of it) equals the local value or any of its elements; missing counts as null. */
function equalityLookup(docs: Doc[], lookup: EqualityLookup, foreign: Doc[]): Doc[] {
  const keysOf = (value: unknown): string[] => (Array.isArray(value) ? (value.length ? value.map(keyOf) : []) : [keyOf(value)]);
  const byKey = new Map<string, Doc[]>();
  for (const doc of foreign) {
    for (const key of new Set(keysOf(valueAt(doc, lookup.foreignField)))) {
      const list = byKey.get(key) ?? [];
      list.push(doc);
      byKey.set(key, list);
    }
  }
  return docs.map((doc) => {
    const matched = new Set<Doc>();
    for (const key of keysOf(valueAt(doc, lookup.localField))) for (const f of byKey.get(key) ?? []) matched.add(f);
    return { ...doc, [lookup.as]: [...matched].map((f) => structuredClone(f)) };
  });
}

function valueAt(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(value)) value = value.flatMap((v) => (v && typeof v === 'object' ? [(v as Record<string, unknown>)[part]] : []));
    else value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/** Join key: dates by time, everything else by its JSON form; missing and null are the same (MongoDB). */
function keyOf(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return `date:${value.getTime()}`;
  if (value instanceof RegExp) return `re:${value.toString()}`;
  return `json:${JSON.stringify(value)}`;
}

function refuseInvalid<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof EmulatorError) throw error;
    throw new EmulatorError(EmulatorErrorCode.requestInvalid, `invalid ${what}: ${(error as Error).message}`);
  }
}
