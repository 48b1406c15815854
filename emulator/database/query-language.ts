import { Aggregator, Context, Query, update } from 'mingo';
import { EmulatorError, EmulatorErrorCode } from '../errors';
import type { Doc } from './ejson';
import { geoQueryOperators } from './geo';

/** mingo with every operator of its default build plus the geo operators it lacks. */
const context = Context.init().addQueryOps(geoQueryOperators as unknown as Parameters<Context['addQueryOps']>[0]);

type CollectionResolver = (name: string) => Doc[];

export type SortSpec = Record<string, 1 | -1>;

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

/** A stable sort in MongoDB's order (mingo's comparison), of any items that carry a document. */
export function sortBy<T>(items: T[], docOf: (item: T) => Doc, spec: SortSpec): T[] {
  const wrapped = items.map((item) => ({ d: docOf(item), item }));
  const prefixed: SortSpec = {};
  for (const [field, direction] of Object.entries(spec)) prefixed[`d.${field}`] = direction;
  return refuseInvalid('order', () => new Query({}, { context }).find<(typeof wrapped)[number]>(wrapped).sort(prefixed).all()).map((w) => w.item);
}

export function runPipeline(docs: Doc[], pipeline: Doc[], collectionResolver: CollectionResolver): Doc[] {
  return refuseInvalid('aggregation', () => new Aggregator(pipeline, { context, collectionResolver }).run(docs) as Doc[]);
}

function refuseInvalid<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof EmulatorError) throw error;
    throw new EmulatorError(EmulatorErrorCode.requestInvalid, `invalid ${what}: ${(error as Error).message}`);
  }
}
