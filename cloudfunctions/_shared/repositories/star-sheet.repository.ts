import type { SheetStatus } from '../../../src/domain/star-cycle';
import type { StarSheet } from '../../../src/domain/star-rating';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * A rating organisation's sheet of a year while it is refined (`star_sheets`, `ss-<orgId>-<year>`). Written only
 * while `status` is draft; opening the year turns it frozen first, so an edit racing the opening is refused, not lost.
 */
const SHEETS = 'star_sheets';

export interface StarSheetRecord {
  _id: string;
  ratingOrgId: string;
  year: number;
  sheet: StarSheet;
  status: SheetStatus;
  updatedBy: string;
  updatedAt: Date;
}

export const sheetIdOf = (orgId: string, year: number) => `ss-${orgId}-${year}`;

export async function findSheet(orgId: string, year: number): Promise<StarSheetRecord | null> {
  const { data } = await database().collection(SHEETS).doc(sheetIdOf(orgId, year)).get();
  return ((data as StarSheetRecord[])[0] as StarSheetRecord | undefined) ?? null;
}

/** False when the sheet is frozen (or was frozen meanwhile). */
export async function saveDraftSheet(record: StarSheetRecord): Promise<boolean> {
  const db = database();
  try {
    await db.collection(SHEETS).add(record);
    return true;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
  }
  const result = (await db
    .collection(SHEETS)
    .where({ _id: record._id, status: 'draft' })
    .update({ sheet: db.command.set(record.sheet), updatedBy: record.updatedBy, updatedAt: record.updatedAt })) as { updated: number };
  return result.updated === 1;
}

/** Freezes the year's sheet and returns it: the saved draft, else `fallback` (stored frozen so no draft can follow). */
export async function freezeSheet(orgId: string, year: number, fallback: StarSheet, by: string, at: Date): Promise<StarSheet> {
  const db = database();
  const id = sheetIdOf(orgId, year);
  await db.collection(SHEETS).where({ _id: id, status: 'draft' }).update({ status: 'frozen' });
  const stored = await findSheet(orgId, year);
  if (stored) return stored.sheet;
  try {
    await db.collection(SHEETS).add({ _id: id, ratingOrgId: orgId, year, sheet: fallback, status: 'frozen', updatedBy: by, updatedAt: at } satisfies StarSheetRecord);
    return fallback;
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    // A draft was saved between the read and the write: freeze that one.
    await db.collection(SHEETS).where({ _id: id, status: 'draft' }).update({ status: 'frozen' });
    return ((await findSheet(orgId, year)) as StarSheetRecord).sheet;
  }
}
