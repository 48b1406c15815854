import { EmulatorError, EmulatorErrorCode } from '../errors';
import { encodeEJSON, isPlainObject, type Doc } from './ejson';

/**
 * MongoDB refuses an update operator whose target has the wrong type, where mingo skips it silently;
 * CloudBase answers MongoDB's refusal as DATABASE_REQUEST_FAILED. Checked on the document before any
 * operator is applied, so a refused update writes nothing.
 */
const NUMERIC = new Set(['$inc', '$mul']);
const ARRAY_TARGET = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll']);
/** Operators that create their path; the others are no-ops on a path that cannot exist. */
const CREATING = new Set(['$set', '$inc', '$mul', '$push', '$addToSet', '$min', '$max', '$currentDate']);

export function checkUpdateTypes(doc: Doc, modifier: Doc): void {
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, argument] of Object.entries(fields)) {
      if (path.split('.').some((part) => part.startsWith('$'))) continue;
      const target = resolveTarget(doc, path, CREATING.has(operator));
      if (NUMERIC.has(operator)) checkNumeric(operator, doc, path, argument, target);
      if (ARRAY_TARGET.has(operator) && target.exists && !Array.isArray(target.value)) {
        throw failed(arrayMessage(operator, doc, path, target.value));
      }
    }
  }
}

function checkNumeric(operator: string, doc: Doc, path: string, argument: unknown, target: Target): void {
  const verb = operator === '$inc' ? 'increment' : 'multiply';
  if (!isNumeric(argument)) throw failed(`Cannot ${verb} with non-numeric argument: {${path}: ${shell(argument)}}`);
  if (target.exists && !isNumeric(target.value)) {
    throw failed(`Cannot apply ${operator} to a value of non-numeric type. {_id: ${shell(doc._id)}} has the field '${lastPart(path)}' of non-numeric type ${typeName(target.value)}`);
  }
}

function arrayMessage(operator: string, doc: Doc, path: string, value: unknown): string {
  switch (operator) {
    case '$push':
      return `The field '${path}' must be an array but is of type ${typeName(value)} in document {_id: ${shell(doc._id)}}`;
    case '$addToSet':
      return `Cannot apply $addToSet to non-array field. Field named '${lastPart(path)}' has non-array type ${typeName(value)}`;
    case '$pop':
      return `Path '${path}' contains an element of non-array type '${typeName(value)}'`;
    default:
      return 'Cannot apply $pull to a non-array value';
  }
}

interface Target {
  exists: boolean;
  value?: unknown;
}

function resolveTarget(doc: Doc, path: string, creates: boolean): Target {
  const parts = path.split('.');
  let container: unknown = doc;
  let parentName = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const viable = isPlainObject(container) || (Array.isArray(container) && /^\d+$/.test(part));
    if (!viable) {
      if (creates) throw failed(`Cannot create field '${part}' in element {${parentName}: ${shell(container)}}`);
      return { exists: false };
    }
    const next = (container as Record<string, unknown>)[part];
    if (next === undefined) return { exists: false };
    if (i === parts.length - 1) return { exists: true, value: next };
    container = next;
    parentName = part;
  }
  return { exists: false };
}

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  const bsonType = (value as { _bsontype?: string } | null)?._bsontype;
  return bsonType === 'Long' || bsonType === 'Int32' || bsonType === 'Double' || bsonType === 'Decimal128';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  const bsonType = (value as { _bsontype?: string })._bsontype;
  if (bsonType) return bsonType === 'ObjectId' ? 'objectId' : bsonType.toLowerCase();
  return 'object';
}

/** A value as the mongo shell prints it in error messages, near enough. */
function shell(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  const text = encodeEJSON(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function lastPart(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function failed(message: string): EmulatorError {
  return new EmulatorError(EmulatorErrorCode.requestFailed, message);
}
