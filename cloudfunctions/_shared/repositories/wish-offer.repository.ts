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
  status: 'open' | 'proposed' | 'matched';
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

export async function findOffer(id: string): Promise<OfferRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return ((data as OfferRecord[])[0] as OfferRecord | undefined) ?? null;
}

export async function listOffersIn(scope: { communityIds: string[]; streetIds: string[]; all: boolean }): Promise<OfferRecord[]> {
  const db = database();
  const _ = db.command;
  const where = scope.all
    ? {}
    : _.or([{ communityId: _.in(scope.communityIds.length ? scope.communityIds : ['-']) }, { streetId: _.in(scope.streetIds.length ? scope.streetIds : ['-']) }]);
  const { data } = await db.collection(COLLECTION).where(where).orderBy('createdAt', 'desc').limit(100).get();
  return data as OfferRecord[];
}

export async function setOfferStatus(id: string, status: OfferRecord['status'], proposedWishId: string | null): Promise<void> {
  await database().collection(COLLECTION).doc(id).update({ status, proposedWishId });
}
