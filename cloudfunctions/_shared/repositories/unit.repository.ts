import { database } from '../sdk';

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

export async function insertUnit(id: string, name: string): Promise<UnitRecord> {
  const db = database();
  await db.collection(COLLECTION).add({ _id: id, name, createdAt: db.serverDate() });
  return { _id: id, name, createdAt: new Date() };
}
