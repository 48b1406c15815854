import { createHash } from 'node:crypto';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * Reminders sent by timers that have no document of their own to mark (`reminders_sent`). The `_id` is the
 * reminder's natural key, so claiming it is one insert and a second run of the timer finds it taken. Keys carry a
 * hash of an openid, never the openid.
 */
const SENT = 'reminders_sent';

export const personKey = (openid: string) => createHash('sha256').update(openid).digest('hex').slice(0, 16);

/** true when this run may send the reminder `key` (nobody has claimed it before). */
export async function claimReminderKey(key: string, at: Date): Promise<boolean> {
  try {
    await database().collection(SENT).add({ _id: key, at });
    return true;
  } catch (error) {
    if (isDuplicateWrite(error)) return false;
    throw error;
  }
}

/** Gives a claimed key back when its send found no subscription, so a later run (after the person grants one) tries again. */
export async function releaseReminderKey(key: string): Promise<void> {
  await database().collection(SENT).doc(key).remove();
}

/** Which of `keys` are already claimed: one read per 500 keys, so a day's rerun skips them without an insert each. */
export async function claimedReminderKeys(keys: readonly string[]): Promise<Set<string>> {
  const db = database();
  const claimed = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const { data } = (await db.collection(SENT).where({ _id: db.command.in(chunk) }).field({ _id: true }).limit(chunk.length).get()) as { data: { _id: string }[] };
    for (const d of data) claimed.add(d._id);
  }
  return claimed;
}
