import { canWorkOnCommunity, wishStaffScope } from '../../src/domain/wish.policy';
import { notFound } from '../../src/domain/errors';
import { enforce } from '../_shared/define-function';
import type { Actor } from '../../src/domain/roles';
import { findCommunity } from '../_shared/repositories/community.repository';
import type { StaffScope } from '../_shared/repositories/wish.repository';

/** The communities and streets whose wishes the caller works on, narrowed to one community when asked. */
export async function staffScopeOf(actor: Actor, communityId?: string): Promise<StaffScope> {
  if (communityId) {
    const community = await findCommunity(communityId);
    // A community that does not exist is refused like one outside the scope: nobody works on it.
    enforce(canWorkOnCommunity(actor, { communityId, streetId: community?.streetId ?? '' }));
    if (!community) throw notFound('社区不存在');
    return { communityIds: [communityId], streetIds: [], all: false };
  }
  return wishStaffScope(actor);
}
