import { randomBytes } from 'node:crypto';
import { EmulatorError, EmulatorErrorCode } from '../errors';
import { encodeEJSON, type Doc } from './ejson';
import { encodeKeyPart } from './key-codec';
import type { LockManager } from './lock-manager';
import { project } from './query-language';
import type { QueryRunner } from './query-runner';
import {
  booleanOf,
  dataObjectOf,
  documentsOf,
  invalidParam,
  limitOf,
  offsetOf,
  orderOf,
  projectionOf,
  queryOf,
  requiredString,
  transactionIdOf,
  type Body,
} from './request-params';
import { AutocommitSession, TransactionSession, type Change, type Session } from './session';
import { duplicateIdError, type Storage } from './storage';
import type { TransactionManager } from './transactions';
import { applyUpdate, parseUpdate, upsertDocument } from './updates';

export interface ActionContext {
  storage: Storage;
  runner: QueryRunner;
  locks: LockManager;
  transactions: TransactionManager;
  now(): Date;
}

export type Reply = Record<string, unknown>;

/** CloudBase's document ids: 32 hex characters. */
function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}

export function existingCollection(ctx: ActionContext, body: Body): string {
  const name = requiredString(body, 'collectionName');
  if (!ctx.storage.hasCollection(name)) {
    throw new EmulatorError(
      EmulatorErrorCode.collectionNotExist,
      `collection ${name} does not exist: declare it in cloudbaserc.json (database.collections) or create it with db.createCollection`,
    );
  }
  return name;
}

/** Runs an action inside the request's transaction when it names one, else on committed data. */
async function withSession<T>(ctx: ActionContext, body: Body, fn: (session: Session) => Promise<T>): Promise<T> {
  const transactionId = transactionIdOf(body);
  if (transactionId) return ctx.transactions.run(transactionId, (tx) => fn(new TransactionSession(ctx, tx)));
  const session = new AutocommitSession(ctx, ctx.transactions.newAge());
  try {
    return await fn(session);
  } finally {
    session.end();
  }
}

export async function insertDocument(ctx: ActionContext, body: Body): Promise<Reply> {
  const collection = existingCollection(ctx, body);
  const docs = documentsOf(body, ctx.now()).map((doc, i) => withId(doc, `data[${i}]`));
  const ids = docs.map((doc) => doc._id);
  const idKeys = new Set<string>();
  for (const doc of docs) {
    const idKey = encodeKeyPart(doc._id).toString('hex');
    if (idKeys.has(idKey)) throw duplicateIdError(collection, doc._id);
    idKeys.add(idKey);
  }
  await withSession(ctx, body, async (session) => {
    await session.lockIds(collection, ids);
    session.apply(
      collection,
      docs.map((doc) => ({ kind: 'insert', doc })),
    );
  });
  return { data: { insertedIds: ids } };
}

export async function getDocument(ctx: ActionContext, body: Body): Promise<Reply> {
  const collection = existingCollection(ctx, body);
  const now = ctx.now();
  const query = queryOf(body, now);
  const limit = limitOf(body);
  const offset = offsetOf(body);
  const sort = orderOf(body, now);
  const projection = projectionOf(body, now);
  const matches = await withSession(ctx, body, (session) => session.find(collection, query, { sort, skip: offset, limit }, 'read'));
  const docs = matches.map((match) => match.doc);
  const list = (projection ? project(docs, projection) : docs).map(encodeEJSON);
  return { data: { list, limit, offset }, limit, offset };
}

export async function calculateDocument(ctx: ActionContext, body: Body): Promise<Reply> {
  const collection = existingCollection(ctx, body);
  const query = queryOf(body, ctx.now());
  if (Object.keys(query).length === 0 && !transactionIdOf(body)) return { data: { total: ctx.storage.count(collection) } };
  const matches = await withSession(ctx, body, (session) => session.find(collection, query, {}, 'read'));
  return { data: { total: matches.length } };
}

export async function modifyDocument(ctx: ActionContext, body: Body): Promise<Reply> {
  const collection = existingCollection(ctx, body);
  const now = ctx.now();
  const query = queryOf(body, now);
  const multi = booleanOf(body, 'multi', false);
  const upsert = booleanOf(body, 'upsert', false);
  const spec = parseUpdate(dataObjectOf(body, now), booleanOf(body, 'merge', true));
  return withSession(ctx, body, async (session) => {
    const matches = await session.find(collection, query, { limit: multi ? undefined : 1 }, 'write');
    if (matches.length === 0 && upsert) {
      const doc = upsertDocument(query, spec, newDocumentId());
      session.apply(collection, [{ kind: 'insert', doc }]);
      return { data: { updated: 0, upsert_id: doc._id } };
    }
    const changes: Change[] = [];
    for (const match of matches) {
      const result = applyUpdate(match.doc, spec);
      if (result.changed) changes.push({ kind: 'replace', stored: match.stored, doc: result.doc });
    }
    session.apply(collection, changes);
    return { data: { updated: changes.length } };
  });
}

export async function modifyAndReturnDoc(ctx: ActionContext, body: Body): Promise<Reply> {
  const collection = existingCollection(ctx, body);
  const now = ctx.now();
  const query = queryOf(body, now);
  const spec = parseUpdate(dataObjectOf(body, now), true);
  return withSession(ctx, body, async (session) => {
    const [match] = await session.find(collection, query, { limit: 1 }, 'write');
    if (!match) return { data: { updated: 0, doc: null } };
    const result = applyUpdate(match.doc, spec);
    if (result.changed) session.apply(collection, [{ kind: 'replace', stored: match.stored, doc: result.doc }]);
    return { data: { updated: result.changed ? 1 : 0, doc: encodeEJSON(result.doc) } };
  });
}

export async function removeDocument(ctx: ActionContext, body: Body): Promise<Reply> {
  const collection = existingCollection(ctx, body);
  const query = queryOf(body, ctx.now());
  const multi = booleanOf(body, 'multi', false);
  return withSession(ctx, body, async (session) => {
    const matches = await session.find(collection, query, { limit: multi ? undefined : 1 }, 'write');
    session.apply(
      collection,
      matches.map((match) => ({ kind: 'remove', stored: match.stored, doc: match.doc })),
    );
    return { data: { deleted: matches.length } };
  });
}

function withId(doc: Doc, where: string): Doc {
  for (const key of Object.keys(doc)) if (key.startsWith('$')) throw invalidParam(`${where}: field names must not start with "$" (${key})`);
  if (doc._id === undefined) return { _id: newDocumentId(), ...doc };
  if (doc._id === null || Array.isArray(doc._id) || doc._id instanceof RegExp) throw invalidParam(`${where}: _id must not be null, an array or a regular expression`);
  return doc;
}
