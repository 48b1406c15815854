import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/** Offers of help from members and units, for league staff to match with wishes. */
const COLLECTION = 'wish_offers';

export interface OfferRecord {
  _id: string;
  kind: 'member' | 'unit';
  holderKey: string;
  openid: string;
  unitId: string | null;
  helperDisplay: string;
  communityId: string;
  streetId: string;
  ways: string[];
  note: string;
  /** The wish it was last proposed to; whether that proposal still stands is read from the wish (offerStatus). */
  proposedWishId: string | null;
  createdAt: Date;
}

export async function insertOffer(offer: OfferRecord): Promise<OfferRecord> {
  try {
    await database().collection(COLLECTION).add(offer);
    return offer;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    return (await findOffer(offer._id)) ?? offer;
  }
}

/** What `offerStatus` needs of the wish an offer was proposed to, joined in the same round trip. */
export type ProposedWish = { status: string; proposal: { offerId: string } | null; claim: { holderKey: string } | null };
export type OfferWithWish = OfferRecord & { proposedWish: ProposedWish | null };

const withProposedWish = (rows: (OfferRecord & { proposedWishes?: ProposedWish[] })[]): OfferWithWish[] =>
  rows.map(({ proposedWishes, ...offer }) => ({ ...offer, proposedWish: proposedWishes?.[0] ?? null }));

export async function findOffer(id: string): Promise<OfferWithWish | null> {
  const { data } = (await database()
    .collection(COLLECTION)
    .aggregate()
    .match({ _id: id })
    .lookup({ from: 'wishes', localField: 'proposedWishId', foreignField: '_id', as: 'proposedWishes' })
    .end()) as { data: OfferRecord[] };
  return withProposedWish(data)[0] ?? null;
}

export async function listOffersIn(scope: { communityIds: string[]; streetIds: string[]; all: boolean }): Promise<OfferWithWish[]> {
  const db = database();
  const _ = db.command;
  const where = scope.all
    ? {}
    : _.or([{ communityId: _.in(scope.communityIds.length ? scope.communityIds : ['-']) }, { streetId: _.in(scope.streetIds.length ? scope.streetIds : ['-']) }]);
  const { data } = (await db
    .collection(COLLECTION)
    .aggregate()
    .match(where)
    .sort({ createdAt: -1 })
    .limit(100)
    .lookup({ from: 'wishes', localField: 'proposedWishId', foreignField: '_id', as: 'proposedWishes' })
    .end()) as { data: OfferRecord[] };
  return withProposedWish(data);
}

/** Points the offer at the wish it is proposed to. Its status is never stored: offerStatus reads it from that wish. */
export async function proposeOffer(id: string, wishId: string): Promise<void> {
  await database().collection(COLLECTION).doc(id).update({ proposedWishId: wishId });
}
