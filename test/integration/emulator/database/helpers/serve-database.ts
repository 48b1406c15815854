/**
 * Runs the engine behind the test HTTP server on a data directory, for the durability test:
 * `tsx serve-database.ts <dir>` prints `READY <port> <pid>` and serves until killed.
 */
import { startDatabaseServer } from './database-http-server';

export const DURABILITY_COLLECTIONS = [
  { name: 'events', indexes: [] },
  { name: 'pairs', indexes: [{ name: 'pair', keys: { pair: 1 as const } }] },
  { name: 'counters', indexes: [] },
];

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: serve-database.ts <data directory>');
  startDatabaseServer({ data: dir, collections: DURABILITY_COLLECTIONS }).then((server) => {
    console.log(`READY ${new URL(server.url).port} ${process.pid}`);
  });
}
