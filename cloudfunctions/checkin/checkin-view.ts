import { checkinStanding } from '../../src/domain/checkin-term';
import type { CheckinView, CommunityFenceView } from '../../src/domain/checkin.schema';
import type { CommunityRecord } from '../_shared/repositories/community.repository';
import type { CheckinRecord } from '../_shared/repositories/checkin.repository';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Only the member and their community's staff see a 报到, so the name is not masked. */
export function toCheckinView(c: CheckinRecord, now: Date): CheckinView {
  return {
    memberOpenid: c.openid,
    memberName: c.memberName,
    workUnitName: c.workUnitName,
    partyBranch: c.partyBranch,
    communityId: c.communityId,
    communityName: c.communityName,
    status: c.status,
    standing: checkinStanding(c, now),
    reportedAt: new Date(c.reportedAt).toISOString(),
    validUntil: new Date(c.validUntil).toISOString(),
    distance: c.distance,
    accuracy: c.accuracy,
    reviewedByName: c.reviewedByName,
    reviewedAt: iso(c.reviewedAt),
    rejectReason: c.rejectReason,
  };
}

export const toFenceView = (c: CommunityRecord): CommunityFenceView => ({
  id: c._id,
  name: c.name,
  district: c.district,
  street: c.street,
  address: c.address,
  latitude: c.latitude,
  longitude: c.longitude,
  radius: c.radius,
});
