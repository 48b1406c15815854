/**
 * Runs the real emulator server on a data directory, for the durability test:
 * `tsx serve-database.ts <dir>` prints `READY <port> <pid>` and serves until killed.
 */
import type { CollectionSpec } from '../../../../../emulator/database/engine';
import { startTestEmulator } from '../../../../helpers/emulator-sdk';

export const DURABILITY_COLLECTIONS: CollectionSpec[] = [
  { name: 'events', indexes: [] },
  { name: 'pairs', indexes: [{ name: 'pair', keys: { pair: 1 } }] },
  { name: 'counters', indexes: [] },
];

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: serve-database.ts <data directory>');
  startTestEmulator(dir, { collections: DURABILITY_COLLECTIONS }).then((running) => {
    console.log(`READY ${running.port} ${process.pid}`);
  });
}
