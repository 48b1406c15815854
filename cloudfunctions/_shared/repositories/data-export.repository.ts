import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';

/**
 * One document per person and Shanghai day an export was made: the unique `_id` is the once-a-day limit under any
 * concurrency, and it lists the files so the retention timer and 注销 can delete them.
 */
const COLLECTION = 'data_exports';

export interface ExportReservation {
  _id: string;
}

/** Null when the person already exported today. */
export async function reserveExport(openid: string, day: string, now: Date): Promise<ExportReservation | null> {
  const _id = `${openid}:${day}`;
  try {
    await database().collection(COLLECTION).add({ _id, openid, day, fileIds: [], createdAt: now });
    return { _id };
  } catch (error) {
    if (isDuplicateWrite(error)) return null;
    throw error;
  }
}

export async function saveExportFiles(reservation: ExportReservation, fileIds: string[]): Promise<void> {
  await database().collection(COLLECTION).doc(reservation._id).update({ fileIds: database().command.set(fileIds) });
}

/** The export failed: the day's allowance is given back. */
export async function releaseExport(reservation: ExportReservation): Promise<void> {
  await database().collection(COLLECTION).doc(reservation._id).remove();
}
