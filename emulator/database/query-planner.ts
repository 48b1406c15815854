import { isPlainObject, type Doc } from './ejson';
import type { IndexDef } from './indexes';
import { encodeKeyPart, isIndexableEquality, isIndexableRange, prefixSuccessor, typeBounds } from './key-codec';
import type { SortSpec } from './query-language';
import { FULL_RANGE, type KeyRange } from './storage';

/**
 * Chooses how to find the candidates of a query: by `_id`, by a declared index, or by scanning the
 * collection. A plan only narrows the candidates; every candidate is still tested with mingo, so a
 * plan must never leave out a document that matches, but may include ones that do not.
 */
export type Access = { kind: 'scan' } | { kind: 'id'; ranges: KeyRange[] } | { kind: 'index'; index: string; ranges: KeyRange[] };

export interface Plan {
  access: Access;
  descending: boolean;
  /** The candidates come in the requested order (any order is fine when none was requested). */
  ordered: boolean;
}

interface Bound {
  value: unknown;
  inclusive: boolean;
}

interface Constraint {
  points?: unknown[];
  lower?: Bound;
  upper?: Bound;
}

interface Candidate {
  plan: Plan;
  score: number;
}

const SCORE = { idPoints: 1000, uniquePoints: 500, equality: 10, inList: 4, range: 2 } as const;

/** The `_id` values a filter pins the result to (`{_id: v}`, `{_id: {$eq: v}}`, `{_id: {$in: [...]}}`). */
export function pinnedIds(filter: Doc): unknown[] | undefined {
  return constraintsOf(filter).get('_id')?.points;
}

export function planQuery(filter: Doc, sort: SortSpec | undefined, indexes: IndexDef[], isMultikey: (index: string) => boolean): Plan {
  const constraints = constraintsOf(filter);
  const sortFields = sort ? Object.keys(sort) : [];
  const directions = sort ? new Set(Object.values(sort)) : new Set<number>();
  const descending = directions.has(-1) && directions.size === 1;
  const uniformSort = directions.size <= 1;
  const candidates: Candidate[] = [];

  const idConstraint = constraints.get('_id');
  if (idConstraint) {
    const ranges = rangesFor(Buffer.alloc(0), idConstraint, false);
    if (ranges) {
      const ordered = !sort || (uniformSort && sortFields.length === 1 && sortFields[0] === '_id');
      const score = idConstraint.points ? SCORE.idPoints : SCORE.range;
      candidates.push({ plan: { access: { kind: 'id', ranges: ranges.ranges }, descending, ordered }, score });
    }
  }

  for (const index of indexes) {
    if (index.geoField) continue;
    const candidate = indexCandidate(index, constraints, sortFields, uniformSort, descending, isMultikey);
    if (candidate) candidates.push(candidate);
  }

  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (best && (best.plan.ordered || best.score >= SCORE.equality)) return best.plan;
  return sortPlan(sortFields, uniformSort, descending, indexes, isMultikey) ?? best?.plan ?? { access: { kind: 'scan' }, descending: false, ordered: !sort };
}

function indexCandidate(
  index: IndexDef,
  constraints: Map<string, Constraint>,
  sortFields: string[],
  uniformSort: boolean,
  descending: boolean,
  isMultikey: (index: string) => boolean,
): Candidate | undefined {
  let prefix = Buffer.alloc(0);
  let equalities = 0;
  let ranges: KeyRange[] | undefined;
  let score = 0;
  let multikey: boolean | undefined;
  const multikeyOf = () => (multikey ??= isMultikey(index.name));
  for (const field of index.fields) {
    const constraint = constraints.get(field);
    if (constraint?.points?.length === 1) {
      prefix = Buffer.concat([prefix, encodeKeyPart(constraint.points[0])]);
      equalities++;
      score += SCORE.equality;
      continue;
    }
    const found = constraint && rangesFor(prefix, constraint, constraint.lower !== undefined && constraint.upper !== undefined && multikeyOf());
    if (found) {
      ranges = found.ranges;
      score += found.isList ? SCORE.inList : SCORE.range;
    }
    break;
  }
  if (score === 0) return undefined;
  if (equalities === index.fields.length && index.unique) score = SCORE.uniquePoints;
  const sortStart = equalities;
  const orderable = uniformSort && sortFields.every((field, i) => index.fields[sortStart + i] === field);
  const ordered = sortFields.length === 0 || (orderable && !multikeyOf());
  return { plan: { access: { kind: 'index', index: index.name, ranges: ranges ?? [prefixRange(prefix)] }, descending, ordered }, score };
}

/** An index whose leading fields are the sort fields lets a sorted, limited query stop early. */
function sortPlan(sortFields: string[], uniformSort: boolean, descending: boolean, indexes: IndexDef[], isMultikey: (index: string) => boolean): Plan | undefined {
  if (sortFields.length === 0 || !uniformSort) return undefined;
  if (sortFields.length === 1 && sortFields[0] === '_id') return { access: { kind: 'id', ranges: [FULL_RANGE] }, descending, ordered: true };
  const index = indexes.find((candidate) => !candidate.geoField && sortFields.every((field, i) => candidate.fields[i] === field) && !isMultikey(candidate.name));
  return index && { access: { kind: 'index', index: index.name, ranges: [FULL_RANGE] }, descending, ordered: true };
}

/** Key ranges after `prefixes` for one field's constraint; with `oneSided`, only one bound is used (multikey). */
function rangesFor(prefix: Buffer, constraint: Constraint, oneSided: boolean): { ranges: KeyRange[]; isList: boolean } | undefined {
  if (constraint.points) {
    const keys = constraint.points.map((point) => Buffer.concat([prefix, encodeKeyPart(point)]));
    const distinct = [...new Map(keys.map((key) => [key.toString('hex'), key])).values()].sort(Buffer.compare);
    return { ranges: distinct.map(prefixRange), isList: distinct.length !== 1 };
  }
  const { lower, upper } = constraint;
  const typed = lower ?? upper;
  if (!typed) return undefined;
  const bounds = typeBounds(typed.value);
  let lo: Buffer = Buffer.concat([prefix, bounds.start]);
  let hi: Buffer = Buffer.concat([prefix, bounds.end]);
  if (lower) {
    const key = Buffer.concat([prefix, encodeKeyPart(lower.value)]);
    lo = lower.inclusive ? key : (prefixSuccessor(key) ?? hi);
  }
  if (upper && !(oneSided && lower) && sameType(upper.value, typed.value)) {
    const key = Buffer.concat([prefix, encodeKeyPart(upper.value)]);
    hi = upper.inclusive ? (prefixSuccessor(key) ?? hi) : key;
  }
  return { ranges: [{ lo, hi }], isList: false };
}

function prefixRange(prefix: Buffer): KeyRange {
  return prefix.length === 0 ? FULL_RANGE : { lo: prefix, hi: prefixSuccessor(prefix) ?? FULL_RANGE.hi };
}

function sameType(a: unknown, b: unknown): boolean {
  return encodeKeyPart(a)[0] === encodeKeyPart(b)[0];
}

/** Per field path, what the conjunction of the filter's top level (and its `$and`s) says about it. */
function constraintsOf(filter: Doc, into = new Map<string, Constraint>()): Map<string, Constraint> {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) constraintsOf(part, into);
      continue;
    }
    if (key.startsWith('$')) continue;
    const constraint = into.get(key) ?? {};
    addCondition(constraint, condition);
    if (constraint.points || constraint.lower || constraint.upper) into.set(key, constraint);
  }
  return into;
}

function addCondition(constraint: Constraint, condition: unknown): void {
  const isOperatorObject = isPlainObject(condition) && Object.keys(condition).length > 0 && Object.keys(condition).every((k) => k.startsWith('$'));
  if (!isOperatorObject) {
    if (isIndexableEquality(condition)) constraint.points ??= [condition];
    return;
  }
  for (const [op, value] of Object.entries(condition)) {
    switch (op) {
      case '$eq':
        if (isIndexableEquality(value)) constraint.points ??= [value];
        break;
      case '$in':
        if (Array.isArray(value) && value.length > 0 && value.every(isIndexableEquality)) constraint.points ??= value;
        break;
      case '$gt':
      case '$gte':
        if (isIndexableRange(value)) constraint.lower ??= { value, inclusive: op === '$gte' };
        break;
      case '$lt':
      case '$lte':
        if (isIndexableRange(value)) constraint.upper ??= { value, inclusive: op === '$lte' };
        break;
    }
  }
}
