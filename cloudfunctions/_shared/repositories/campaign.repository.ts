import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/** 共青团 campaigns: a batch of wishes that goes on the wall at `publishAt`, with a per-person claim limit. */
const COLLECTION = 'wish_campaigns';

export interface CampaignRecord {
  _id: string;
  name: string;
  scopeType: 'community' | 'street';
  scopeId: string;
  scopeName: string;
  /** The street the scope is in (the scope itself for a street campaign): what league staff grants name. */
  streetId: string;
  publishAt: Date;
  perPersonLimit: number;
  createdBy: string;
  createdAt: Date;
}

export async function insertCampaign(campaign: CampaignRecord): Promise<CampaignRecord> {
  try {
    await database().collection(COLLECTION).add(campaign);
    return campaign;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    return (await findCampaign(campaign._id)) ?? campaign;
  }
}

export async function findCampaign(id: string): Promise<CampaignRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return ((data as CampaignRecord[])[0] as CampaignRecord | undefined) ?? null;
}

export async function listCampaignsOfStreets(streetIds: string[], communityIds: string[]): Promise<CampaignRecord[]> {
  const db = database();
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTION)
    .where(_.or([{ streetId: _.in(streetIds.length ? streetIds : ['-']) }, { scopeId: _.in(communityIds.length ? communityIds : ['-']) }]))
    .orderBy('publishAt', 'desc')
    .limit(50)
    .get();
  return data as CampaignRecord[];
}

export async function listAllCampaigns(): Promise<CampaignRecord[]> {
  const { data } = await database().collection(COLLECTION).orderBy('publishAt', 'desc').limit(50).get();
  return data as CampaignRecord[];
}
