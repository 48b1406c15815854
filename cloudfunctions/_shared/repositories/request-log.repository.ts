import { randomBytes } from 'node:crypto';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * Client-retryable writes, keyed by who, which function/action and the client's request id. The id is reserved
 * (a unique insert, state `pending`) before the handler runs, so concurrent replays run it once; the owner of the
 * reservation then stores the result, and every caller gets that stored result.
 */
const COLLECTION = 'request_log';

/**
 * A reservation older than this was left by an invocation that died (every function times out well before it):
 * a retry may take it over rather than be refused forever.
 */
const STALE_AFTER_MS = 30_000;

export interface RequestKey {
  openid: string;
  fn: string;
  action: string;
  requestId: string;
}

interface RequestDoc {
  state?: 'pending' | 'done';
  token?: string;
  reservedAt?: Date | string;
  result?: string;
}

export type Reservation = { kind: 'reserved'; token: string } | { kind: 'done'; value: unknown } | { kind: 'pending' };

const idOf = (key: RequestKey) => `${key.fn}.${key.action}.${key.openid}.${key.requestId}`;

async function readDoc(key: RequestKey): Promise<RequestDoc | null> {
  const { data } = await database().collection(COLLECTION).doc(idOf(key)).get();
  return ((data as RequestDoc[])[0] as RequestDoc | undefined) ?? null;
}

// Stored as JSON text so the replay is byte-for-byte what the first caller got.
const storedValue = (doc: RequestDoc | null): Reservation | null => (doc?.result === undefined ? null : { kind: 'done', value: JSON.parse(doc.result) });

/** The stored result of a finished request, or null while it runs (or when there is none). */
async function findRequestResult(key: RequestKey): Promise<{ value: unknown } | null> {
  const done = storedValue(await readDoc(key));
  return done?.kind === 'done' ? { value: done.value } : null;
}

/**
 * Reserves the request id for this invocation: one insert in the usual case. A duplicate means another invocation
 * has it: its stored result, or `pending` while it runs (taken over only once it is stale).
 */
export async function reserveRequest(key: RequestKey): Promise<Reservation> {
  const db = database();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const token = randomBytes(8).toString('hex');
    try {
      await db.collection(COLLECTION).add({ _id: idOf(key), ...key, state: 'pending', token, reservedAt: new Date(), createdAt: db.serverDate() });
      return { kind: 'reserved', token };
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
    const doc = await readDoc(key);
    if (!doc) continue; // released by a failed first attempt between our insert and read: try again
    const done = storedValue(doc);
    if (done) return done;
    const reservedAt = doc.reservedAt ? new Date(doc.reservedAt).getTime() : 0;
    if (Date.now() - reservedAt < STALE_AFTER_MS) return { kind: 'pending' };
    const { updated } = (await db
      .collection(COLLECTION)
      .where({ _id: idOf(key), state: 'pending', token: doc.token })
      .update({ token, reservedAt: new Date() })) as { updated: number };
    return updated === 1 ? { kind: 'reserved', token } : { kind: 'pending' };
  }
  return { kind: 'pending' };
}

/** Stores the owner's result; if the reservation was taken over meanwhile, the result stored there wins. */
export async function completeRequest(key: RequestKey, token: string, value: unknown): Promise<{ value: unknown }> {
  const { updated } = (await database()
    .collection(COLLECTION)
    .where({ _id: idOf(key), state: 'pending', token })
    .update({ state: 'done', result: JSON.stringify(value ?? null) })) as { updated: number };
  // What the first caller gets is exactly what a replay will read back.
  if (updated === 1) return { value: JSON.parse(JSON.stringify(value ?? null)) };
  return (await findRequestResult(key)) ?? { value };
}

/** A failed run stores nothing: the id is free again, so a retry runs the handler anew. */
export async function releaseRequest(key: RequestKey, token: string): Promise<void> {
  await database().collection(COLLECTION).where({ _id: idOf(key), state: 'pending', token }).remove();
}
