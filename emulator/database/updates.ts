import { EmulatorError, EmulatorErrorCode } from '../errors';
import { assertDocumentDepth, decodeStoredDocument, encodeEJSON, isPlainObject, type Doc } from './ejson';
import { applyModifier } from './query-language';
import { checkUpdateTypes } from './update-types';

/** `set()` (merge: false) replaces the document; `update()` (merge: true) applies operators. */
export type UpdateSpec = { kind: 'replace'; doc: Doc } | { kind: 'modify'; modifier: Doc };

export interface UpdateResult {
  doc: Doc;
  changed: boolean;
}

export function parseUpdate(data: Doc, merge: boolean): UpdateSpec {
  const keys = Object.keys(data);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (!merge) {
    if (operators.length > 0) throw refused(`a replacement (set) cannot contain update operators (${operators.join(', ')})`);
    return { kind: 'replace', doc: data };
  }
  if (operators.length === 0) return { kind: 'modify', modifier: { $set: data } };
  if (operators.length !== keys.length) throw refused('an update must not mix update operators with plain fields');
  return { kind: 'modify', modifier: data };
}

/** The document after the update, on a copy: the input may be shared (a transaction's pending write). */
export function applyUpdate(doc: Doc, spec: UpdateSpec): UpdateResult {
  const before = encodeEJSON(doc);
  let next: Doc;
  if (spec.kind === 'replace') {
    next = { _id: doc._id, ...withoutId(spec.doc, doc._id) };
  } else {
    next = decodeStoredDocument(before);
    const { $setOnInsert: _ignoredOnUpdate, ...modifier } = spec.modifier;
    checkUpdateTypes(next, modifier);
    if (Object.keys(modifier).length > 0) applyModifier(next, modifier);
  }
  assertSameId(doc, next);
  assertDocumentDepth(next, 'the updated document');
  return { doc: next, changed: encodeEJSON(next) !== before };
}

/**
 * The document an upsert inserts: MongoDB's rule, the filter's equality conditions, then the update
 * (with $setOnInsert), or the replacement; `_id` from the filter when it names one, else `newId`.
 */
export function upsertDocument(filter: Doc, spec: UpdateSpec, newId: string): Doc {
  const { _id: filterId, ...equalities } = equalityFields(filter);
  const id = filterId ?? newId;
  if (spec.kind === 'replace') return { _id: id, ...withoutId(spec.doc, id) };
  const { $setOnInsert, ...modifier } = spec.modifier;
  const doc: Doc = { _id: id };
  if (Object.keys(equalities).length > 0) applyModifier(doc, { $set: equalities });
  checkUpdateTypes(doc, modifier);
  if (Object.keys(modifier).length > 0) applyModifier(doc, modifier);
  if (isPlainObject($setOnInsert)) applyModifier(doc, { $set: $setOnInsert });
  assertSameId({ _id: id }, doc);
  assertDocumentDepth(doc, 'the upserted document');
  return doc;
}

function equalityFields(filter: Doc, into: Doc = {}): Doc {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) equalityFields(part, into);
    } else if (!key.startsWith('$')) {
      const isOperator = isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'));
      if (!isOperator) into[key] = condition;
      else if ('$eq' in (condition as Doc)) into[key] = (condition as Doc).$eq;
    }
  }
  return into;
}

function withoutId(doc: Doc, id: unknown): Doc {
  const { _id, ...rest } = doc;
  if (_id !== undefined && encodeEJSON({ v: _id }) !== encodeEJSON({ v: id })) throw refused('the _id field cannot be updated');
  return rest;
}

function assertSameId(before: Doc, after: Doc): void {
  if (encodeEJSON({ v: before._id }) !== encodeEJSON({ v: after._id })) throw refused('the _id field cannot be updated');
}

function refused(message: string): EmulatorError {
  return new EmulatorError(EmulatorErrorCode.requestInvalid, message);
}
