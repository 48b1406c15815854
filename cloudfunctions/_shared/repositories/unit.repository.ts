import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

const COLLECTION = 'units';

export interface UnitRecord {
  _id: string;
  name: string;
  createdAt: Date;
}

export async function findUnit(id: string): Promise<UnitRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return ((data as UnitRecord[])[0] as UnitRecord | undefined) ?? null;
}

export async function listUnits(): Promise<UnitRecord[]> {
  const { data } = await database().collection(COLLECTION).orderBy('name', 'asc').limit(1000).get();
  return data as UnitRecord[];
}

/** Null when a unit of that name exists already (the unique index on `name` decides, so two admins cannot race). */
export async function insertUnit(id: string, name: string): Promise<UnitRecord | null> {
  const db = database();
  try {
    await db.collection(COLLECTION).add({ _id: id, name, createdAt: db.serverDate() });
  } catch (error) {
    if (isDuplicateWrite(error)) return null;
    throw error;
  }
  return { _id: id, name, createdAt: new Date() };
}
