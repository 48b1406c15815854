import { EmulatorError, EmulatorErrorCode } from '../errors';
import { decodeEJSONObject, type Doc } from './ejson';
import type { SortSpec } from './query-language';

/** CloudBase's server-side cap on one query's page. */
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

export type Body = Record<string, unknown>;

export function invalidParam(message: string): EmulatorError {
  return new EmulatorError(EmulatorErrorCode.invalidParam, message);
}

export function requiredString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalidParam(`${field} is required and must be a non-empty string`);
  return value;
}

/** The SDK sends `transactionId: undefined` (dropped by JSON) outside transactions. */
export function transactionIdOf(body: Body): string | undefined {
  const value = body.transactionId;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParam('transactionId must be a string');
  return value;
}

export function booleanOf(body: Body, field: string, fallback: boolean): boolean {
  const value = body[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw invalidParam(`${field} must be a boolean`);
  return value;
}

/** `query` (EJSON) narrowed by `queryType`: DOC queries must name the document by `_id`. */
export function queryOf(body: Body, now: Date): Doc {
  const query = body.query === undefined || body.query === '' ? {} : decodeEJSONObject(body.query, 'query', now);
  const queryType = body.queryType ?? 'WHERE';
  if (queryType !== 'WHERE' && queryType !== 'DOC') throw invalidParam(`queryType must be "WHERE" or "DOC", got ${JSON.stringify(queryType)}`);
  if (queryType === 'DOC' && query._id === undefined) throw invalidParam('a DOC query must give the document _id');
  return query;
}

export function limitOf(body: Body): number {
  const limit = body.limit;
  if (limit === undefined || limit === null || limit === 0) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || (limit as number) < 0) throw invalidParam(`limit must be a non-negative integer, got ${JSON.stringify(limit)}`);
  if ((limit as number) > MAX_LIMIT) throw invalidParam(`limit must be at most ${MAX_LIMIT}, got ${limit}`);
  return limit as number;
}

export function offsetOf(body: Body): number {
  const offset = body.offset;
  if (offset === undefined || offset === null) return 0;
  if (!Number.isInteger(offset) || (offset as number) < 0) throw invalidParam(`offset must be a non-negative integer, got ${JSON.stringify(offset)}`);
  return offset as number;
}

/** `order` as the SDK sends it: an EJSON object `{field: 1 | -1}` in orderBy() call order. */
export function orderOf(body: Body, now: Date): SortSpec | undefined {
  if (body.order === undefined || body.order === '') return undefined;
  const order = decodeEJSONObject(body.order, 'order', now);
  const spec: SortSpec = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`order.${field} must be 1 or -1`);
    spec[field] = direction;
  }
  return Object.keys(spec).length > 0 ? spec : undefined;
}

export function projectionOf(body: Body, now: Date): Doc | undefined {
  if (body.projection === undefined || body.projection === '') return undefined;
  const projection = decodeEJSONObject(body.projection, 'projection', now);
  return Object.keys(projection).length > 0 ? projection : undefined;
}

/** `data` of an insert: an array of EJSON documents. */
export function documentsOf(body: Body, now: Date): Doc[] {
  const data = body.data;
  if (!Array.isArray(data) || data.length === 0) throw invalidParam('data must be a non-empty array of EJSON documents');
  return data.map((item, i) => decodeEJSONObject(item, `data[${i}]`, now));
}

export function dataObjectOf(body: Body, now: Date): Doc {
  return decodeEJSONObject(body.data, 'data', now);
}
