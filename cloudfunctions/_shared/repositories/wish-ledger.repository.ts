import { communityTotals } from './stat-counter.repository';

/**
 * 需求/认领/销号 counts per community: the all-time `stat_counters` document of each community, kept by the wish
 * transitions themselves (src/domain/stat-counters.ts). One indexed read, the same at 33 000 wishes as at 10.
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
  const docs = await communityTotals(communityId);
  return docs
    .map((d) => ({
      communityId: d.scopeId,
      communityName: d.name ?? '',
      posted: Number(d.wishPosted ?? 0),
      claimed: Number(d.wishClaimed ?? 0),
      closed: Number(d.wishClosed ?? 0),
      closedOnTime: Number(d.wishClosedOnTime ?? 0),
    }))
    .filter((row) => row.posted + row.claimed + row.closed > 0)
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN'));
}
