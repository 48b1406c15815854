import { holidayTableSchema, type HolidayTable } from '../../../src/domain/holiday-calendar';
import { database } from '../sdk';

/** The 放假调休 tables an admin entered, one document per year (`_id` = `cn-<year>`), beside those shipped in code. */
const COLLECTION = 'holiday_tables';

/** Entering a year again replaces it: a corrected table is the same year's table. */
export async function saveHolidayTable(table: HolidayTable, enteredBy: string): Promise<void> {
  const db = database();
  await db.collection(COLLECTION).doc(`cn-${table.year}`).set({ ...table, enteredBy, enteredAt: db.serverDate() });
}

/** Every entered table (a few a decade), one read. A document that no longer fits the schema is left out, not fatal. */
export async function listHolidayTables(): Promise<HolidayTable[]> {
  const { data } = await database().collection(COLLECTION).orderBy('year', 'asc').limit(100).get();
  return (data as Record<string, unknown>[]).flatMap(({ _id, enteredBy: _by, enteredAt: _at, ...table }) => {
    const parsed = holidayTableSchema.safeParse(table);
    if (!parsed.success) console.error(`holiday_tables/${String(_id)}: does not match the holiday table schema, ignored`);
    return parsed.success ? [parsed.data] : [];
  });
}
