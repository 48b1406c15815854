import type { UserRecord } from './user.repository';
import { matches } from '../../../src/domain/condition';
import { expiredHolds, slotCondition, WITHDRAWN_CLAIM_BLOCK } from '../../../src/domain/wish-rules';
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
  /** When each slot kept by a cancelled claim is given back; each such slot is also counted in `open`. */
  holds?: Date[];
}

/** The counter as it counts at `now`: held slots whose hold is over no longer count. */
export const liveCounter = (counter: ClaimantCounter, now: Date): ClaimantCounter => ({ ...counter, open: counter.open - expiredHolds(counter.holds, now) });

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
  now: Date,
): Promise<ReserveOutcome> {
  const db = database();
  const _ = db.command;
  const counters = db.collection(COLLECTION);
  const campaignInc = campaign ? { [`campaigns.${campaign.id}`]: _.inc(1) } : {};
  const inc = { open: _.inc(1), ...campaignInc };

  // Holds that are over are given back in the same write that takes the slot, conditional on the counter as read.
  const expired = known ? expiredHolds(known.holds, now) : 0;
  if (known && expired > 0 && known.open - expired < limit) {
    const live = (known.holds ?? []).filter((until) => new Date(until).getTime() > now.getTime());
    const { updated } = (await counters
      .where({ _id: holder.key, ...whereOf(slotCondition(limit, campaign)), open: known.open })
      .update({ open: known.open - expired + 1, holds: _.set(live), ...campaignInc })) as { updated: number };
    if (updated === 1) return 'reserved';
  }

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

/** A cancelled claim: the campaign allowance goes back, the open slot stays taken until `until`. */
export async function holdClaimSlot(holderKey: string, until: Date, campaignId: string | null | undefined): Promise<void> {
  const db = database();
  const _ = db.command;
  await db
    .collection(COLLECTION)
    .where({ _id: holderKey })
    .update({ holds: _.push(until), ...(campaignId ? { [`campaigns.${campaignId}`]: _.inc(-1) } : {}) });
}

/** Gives the slot back: the claim ended (delivered, released, revoked) or was undone. */
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
export async function reconcileOpenClaims(now: Date): Promise<{ checked: number; fixed: number }> {
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
  const correct = async (key: string, from: number, to: number, holds?: Date[]) => {
    const { updated } = (await counters.where({ _id: key, open: from }).update({ open: to, ...(holds ? { holds: _.set(holds) } : {}) })) as { updated?: number };
    fixed += updated ?? 0;
  };
  for (const counter of known) {
    // A withdrawn member's block is no count of claims (see WITHDRAWN_CLAIM_BLOCK).
    if (counter.open >= WITHDRAWN_CLAIM_BLOCK) {
      truth.delete(counter._id);
      continue;
    }
    // Slots held by cancelled claims count until their hold is over; this is also where a hold ends.
    const live = (counter.holds ?? []).filter((until) => new Date(until).getTime() > now.getTime());
    const open = (truth.get(counter._id) ?? 0) + live.length;
    truth.delete(counter._id);
    if (counter.open !== open || live.length !== (counter.holds ?? []).length) await correct(counter._id, counter.open, open, live);
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
