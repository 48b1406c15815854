/** Who holds a claim: a member (their openid) or a unit (its id; any admin of that unit acts for it). */
export interface ClaimHolder {
  kind: 'member' | 'unit';
  openid: string;
  unitId: string | null;
}

/** `m:<openid>` or `u:<unitId>`: the key of the holder's open-claims counter, also stored on the claim. */
export const holderKeyOf = (holder: ClaimHolder) => (holder.kind === 'unit' ? `u:${holder.unitId}` : `m:${holder.openid}`);

export function holderOfKey(key: string): ClaimHolder {
  const id = key.slice(2);
  return key.startsWith('u:') ? { kind: 'unit', openid: '', unitId: id } : { kind: 'member', openid: id, unitId: null };
}

export type OfferStatus = 'open' | 'proposed' | 'matched';

/**
 * Where an offer of help stands, from the wish staff proposed to it: proposed while that wish waits on the wall,
 * matched once the offerer holds its claim, open again otherwise (declined, taken by someone else, ended). Derived,
 * not stored, so a claim of a matched wish writes nothing to the offer.
 */
export function offerStatus(
  offer: { _id: string; holderKey: string; proposedWishId: string | null },
  wish: { status: string; proposal: { offerId: string } | null; claim: { holderKey: string } | null } | null,
): OfferStatus {
  if (!offer.proposedWishId || !wish || wish.proposal?.offerId !== offer._id) return 'open';
  if (wish.status === 'published') return 'proposed';
  return wish.claim?.holderKey === offer.holderKey ? 'matched' : 'open';
}
