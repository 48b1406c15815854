import { database } from '../sdk';

/**
 * 需求/认领/销号 counts per community, derived from the transition entries: each transition sets the wish's
 * 0/1 ledger flags in the same write as its entry, so the ledger is one aggregate.
 */
export interface LedgerCounts {
  communityId: string;
  communityName: string;
  posted: number;
  claimed: number;
  closed: number;
  closedOnTime: number;
}

export async function ledgerCounts(communityId?: string): Promise<LedgerCounts[]> {
  const db = database();
  const { data } = (await db
    .collection('wishes')
    .aggregate()
    .match(communityId ? { communityId } : {})
    .group({
      _id: '$communityId',
      communityName: { $first: '$communityName' },
      posted: { $sum: '$ledger.posted' },
      claimed: { $sum: '$ledger.claimed' },
      closed: { $sum: '$ledger.closed' },
      closedOnTime: { $sum: '$ledger.closedOnTime' },
    })
    .end()) as { data: (Omit<LedgerCounts, 'communityId'> & { _id: string })[] };
  return data.map(({ _id, ...row }) => ({ communityId: _id, ...row })).sort((a, b) => b.posted - a.posted);
}
