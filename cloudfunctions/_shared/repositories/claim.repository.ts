import type { UserRecord } from './user.repository';
import { matches } from '../../../src/domain/condition';
import { slotCondition } from '../../../src/domain/wish-rules';
import { database, whereOf } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * Open-claims counters, one per holder (`m:<openid>` for a member, `u:<unitId>` for a unit), so the limits hold
 * under any concurrency: a counter only moves through a conditional update.
 */
const COLLECTION = 'wish_claimants';

export interface ClaimantCounter {
  _id: string;
  /** The openid or unit id the key names; what a person's user document is joined on. */
  holderId: string;
  open: number;
  /** Claims per campaign (not only open ones: a campaign limits how many a person takes in it). */
  campaigns: Record<string, number>;
}

export interface Claimer {
  user: UserRecord | null;
  counters: ClaimantCounter[];
}

/** The caller and every counter they may claim through (their own and their units'): one round trip. */
export async function loadClaimer(openid: string): Promise<Claimer> {
  const db = database();
  const { data } = (await db
    .collection('users')
    .aggregate()
    .match({ _id: openid })
    .addFields({ holderIds: { $concatArrays: [['$_id'], { $ifNull: ['$grants.scopeId', []] }] } })
    .lookup({ from: COLLECTION, localField: 'holderIds', foreignField: 'holderId', as: 'wishCounters' })
    .end()) as { data: (UserRecord & { holderIds?: string[]; wishCounters?: ClaimantCounter[] })[] };
  const row = data[0];
  if (!row) return { user: null, counters: [] };
  const { holderIds: _ids, wishCounters, ...user } = row;
  return { user: user as UserRecord, counters: wishCounters ?? [] };
}

export type ReserveOutcome = 'reserved' | 'open-limit' | 'campaign-limit';

/**
 * Takes one open-claim slot (and one in the campaign) if the holder is under both limits. `known` is the counter
 * as last read: it picks between creating the counter and the conditional increment.
 */
export async function reserveClaimSlot(
  holder: { key: string; id: string },
  limit: number,
  campaign: { id: string; perPersonLimit: number } | null,
  known: ClaimantCounter | undefined,
): Promise<ReserveOutcome> {
  const db = database();
  const _ = db.command;
  const counters = db.collection(COLLECTION);
  const inc = { open: _.inc(1), ...(campaign ? { [`campaigns.${campaign.id}`]: _.inc(1) } : {}) };

  const increment = async () => {
    const { updated } = (await counters.where({ _id: holder.key, ...whereOf(slotCondition(limit, campaign)) }).update(inc)) as { updated: number };
    return updated === 1;
  };

  if (known) return (await increment()) ? 'reserved' : await whichLimit();
  try {
    await counters.add({ _id: holder.key, holderId: holder.id, open: 1, campaigns: campaign ? { [campaign.id]: 1 } : {} });
    return 'reserved';
  } catch (error) {
    // Created by a concurrent first claim of the same holder: fall back to the guarded increment.
    if (!isDuplicateWrite(error)) throw error;
    return (await increment()) ? 'reserved' : await whichLimit();
  }

  async function whichLimit(): Promise<ReserveOutcome> {
    const { data } = await counters.doc(holder.key).get();
    const counter = (data as ClaimantCounter[])[0];
    return counter && !matches(counter as unknown as Record<string, unknown>, slotCondition(limit, null)) ? 'open-limit' : 'campaign-limit';
  }
}

/** Gives the slot back: the claim ended (delivered, cancelled, released, revoked) or was undone. */
export async function releaseClaimSlot(holderKey: string, options: { campaignId?: string | null; open?: boolean } = {}): Promise<void> {
  const db = database();
  const _ = db.command;
  const dec: Record<string, unknown> = {};
  if (options.open !== false) dec.open = _.inc(-1);
  if (options.campaignId) dec[`campaigns.${options.campaignId}`] = _.inc(-1);
  if (Object.keys(dec).length === 0) return;
  await db.collection(COLLECTION).where({ _id: holderKey, ...(options.open !== false ? { open: _.gt(0) } : {}) }).update(dec);
}

/**
 * Open-claim counters are a cache of "wishes claimed by this holder": a claim takes the wish and then moves the
 * counter in two conditional writes (three round trips in all), so a process killed between the two leaves the
 * counter one off. This recomputes every counter from the wishes and corrects the ones that differ. Counters are
 * read before the wishes, and each correction is conditional on the counter still holding what was read, so a
 * claim or delivery running meanwhile is never overwritten; one caught half-way is corrected by the next run.
 */
export async function reconcileOpenClaims(): Promise<{ checked: number; fixed: number }> {
  const db = database();
  const _ = db.command;
  const counters = db.collection(COLLECTION);
  const known: ClaimantCounter[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = (await counters.where({ open: _.gt(0) }).skip(offset).limit(1000).get()) as { data: ClaimantCounter[] };
    known.push(...data);
    if (data.length < 1000) break;
  }
  const { data: groups } = (await db
    .collection('wishes')
    .aggregate()
    .match({ status: 'claimed' })
    .group({ _id: '$claim.holderKey', open: { $sum: 1 } })
    .end()) as { data: { _id: string; open: number }[] };
  const truth = new Map(groups.map((g) => [g._id, g.open]));

  let fixed = 0;
  const correct = async (key: string, from: number, to: number) => {
    const { updated } = (await counters.where({ _id: key, open: from }).update({ open: to })) as { updated?: number };
    fixed += updated ?? 0;
  };
  for (const counter of known) {
    const open = truth.get(counter._id) ?? 0;
    truth.delete(counter._id);
    if (counter.open !== open) await correct(counter._id, counter.open, open);
  }
  // Holders with claimed wishes whose counter reads 0 or does not exist yet.
  for (const [key, open] of truth) {
    const before = fixed;
    await correct(key, 0, open);
    if (fixed > before) continue;
    try {
      await counters.add({ _id: key, holderId: key.slice(2), open, campaigns: {} });
      fixed += 1;
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error;
    }
  }
  return { checked: known.length + truth.size, fixed };
}
