import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/** Results of client-retryable writes, keyed by who, which function/action and the client's request id. */
const COLLECTION = 'request_log';

export interface RequestKey {
  openid: string;
  fn: string;
  action: string;
  requestId: string;
}

const idOf = (key: RequestKey) => `${key.fn}.${key.action}.${key.openid}.${key.requestId}`;

export async function findRequestResult(key: RequestKey): Promise<{ value: unknown } | null> {
  const { data } = await database().collection(COLLECTION).doc(idOf(key)).get();
  const doc = (data as { result?: string }[])[0];
  return doc?.result === undefined ? null : { value: JSON.parse(doc.result) };
}

export async function saveRequestResult(key: RequestKey, value: unknown): Promise<{ value: unknown }> {
  const db = database();
  try {
    // Stored as JSON text so the replay is byte-for-byte what the first caller got.
    await db.collection(COLLECTION).add({ _id: idOf(key), ...key, result: JSON.stringify(value ?? null), createdAt: db.serverDate() });
    return { value };
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    return (await findRequestResult(key)) ?? { value };
  }
}
