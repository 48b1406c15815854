import { EmulatorError, EmulatorErrorCode } from '../errors';
import { decodeEJSON, encodeEJSON, isPlainObject, type Doc } from './ejson';
import { distanceAt, optionalDistance, pointOf, withinDistance } from './geo';
import { type ActionContext, existingCollection, type Reply } from './document-actions';
import { applyModifier, runPipeline } from './query-language';
import { invalidParam, type Body } from './request-params';
import { containsRegex, withinTimeLimit } from './time-limit';

/** Stages that would write somewhere; the SDK's aggregate is read-only. */
const WRITING_STAGES = new Set(['$out', '$merge']);

/**
 * `database.aggregateDocuments`: `stages: [{ stageKey: '$match', stageValue: '<EJSON>' }]`.
 * A leading $match is answered through the query planner (indexes), a leading $geoNear here;
 * every other stage runs in mingo.
 */
export async function aggregateDocuments(ctx: ActionContext, body: Body): Promise<Reply> {
  const collection = existingCollection(ctx, body);
  const pipeline = stagesOf(body, ctx.now());
  const list = containsRegex(pipeline)
    ? withinTimeLimit(ctx.runner.timeLimitMs, `an aggregation on ${collection}`, () => runAggregation(ctx, collection, pipeline))
    : runAggregation(ctx, collection, pipeline);
  return { data: { list } };
}

function runAggregation(ctx: ActionContext, collection: string, pipeline: Doc[]): string[] {
  const [first, ...rest] = pipeline;
  let input: Doc[];
  let remaining = pipeline;
  if (first && '$geoNear' in first) {
    input = geoNear(ctx, collection, first.$geoNear);
    remaining = rest;
  } else if (first && '$match' in first && isPlainObject(first.$match)) {
    input = ctx.runner.find(collection, first.$match).map((match) => match.doc);
    remaining = rest;
  } else {
    input = ctx.runner.find(collection, {}).map((match) => match.doc);
  }
  const resolver = (name: string) => (ctx.storage.hasCollection(name) ? ctx.runner.find(name, {}).map((match) => match.doc) : []);
  return runPipeline(input, remaining, resolver).map(encodeEJSON);
}

function stagesOf(body: Body, now: Date): Doc[] {
  const stages = body.stages;
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array of { stageKey, stageValue }');
  return stages.map((stage, i) => {
    const { stageKey, stageValue } = (isPlainObject(stage) ? stage : {}) as { stageKey?: unknown; stageValue?: unknown };
    if (typeof stageKey !== 'string' || !stageKey.startsWith('$')) throw invalidParam(`stages[${i}].stageKey must be a stage name such as "$match"`);
    if (WRITING_STAGES.has(stageKey)) throw refused(`stages[${i}]: ${stageKey} is not supported, aggregation here is read-only`);
    if (stageKey === '$geoNear' && i !== 0) throw refused(`stages[${i}]: $geoNear must be the first stage`);
    return { [stageKey]: decodeEJSON(stageValue, `stages[${i}].stageValue`, now) };
  });
}

/** MongoDB's $geoNear over GeoJSON points: distances in metres, nearest first. */
function geoNear(ctx: ActionContext, collection: string, spec: unknown): Doc[] {
  if (!isPlainObject(spec)) throw refused('$geoNear needs an object');
  const center = pointOf(spec.near, '$geoNear.near');
  const distanceField = spec.distanceField;
  if (typeof distanceField !== 'string' || !distanceField) throw refused('$geoNear.distanceField is required');
  const field = typeof spec.key === 'string' ? spec.key : geoField(ctx, collection);
  const range = { maxDistance: optionalDistance(spec.maxDistance, '$geoNear.maxDistance'), minDistance: optionalDistance(spec.minDistance, '$geoNear.minDistance') };
  const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1;
  const filter = isPlainObject(spec.query) ? spec.query : {};
  const near: { doc: Doc; distance: number }[] = [];
  for (const { doc } of ctx.runner.find(collection, filter)) {
    const distance = distanceAt(doc, field, center);
    if (distance !== undefined && withinDistance(distance, range)) near.push({ doc, distance });
  }
  near.sort((a, b) => a.distance - b.distance);
  return near.map(({ doc, distance }) => {
    const set: Doc = { [distanceField]: distance * multiplier };
    if (typeof spec.includeLocs === 'string') set[spec.includeLocs] = field.split('.').reduce<unknown>((value, part) => (value as Doc | undefined)?.[part], doc);
    applyModifier(doc, { $set: set });
    return doc;
  });
}

/** Without `key`, MongoDB uses the collection's only geo index. */
function geoField(ctx: ActionContext, collection: string): string {
  const fields = ctx.storage.indexesOf(collection).flatMap((index) => (index.geoField ? [index.geoField] : []));
  if (fields.length !== 1) {
    throw refused(
      `$geoNear on ${collection} needs "key" (the location field) or exactly one 2dsphere index declared for the collection, found ${fields.length}`,
    );
  }
  return fields[0];
}

function refused(message: string): EmulatorError {
  return new EmulatorError(EmulatorErrorCode.requestInvalid, message);
}
