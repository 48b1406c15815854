import type { CollectionSpec } from '../../../../../emulator/database/engine';
import { startDatabaseServer, type DatabaseServer } from './database-http-server';
import { sdkFor } from './sdk';

export const TEST_COLLECTIONS: CollectionSpec[] = [
  { name: 'users', indexes: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }, { name: 'community', keys: { communityId: 1 } }] },
  { name: 'grants', indexes: [{ name: 'grant_unique', keys: { openid: 1, role: 1, scopeId: 1 }, unique: true }] },
  { name: 'places', indexes: [{ name: 'location_geo', keys: { location: '2dsphere' } }] },
];

/** A fixed clock, so server dates can be asserted exactly. */
export const CLOCK = new Date('2025-03-01T08:00:00.000Z');

export interface Harness {
  server: DatabaseServer;
  db: ReturnType<ReturnType<typeof sdkFor>['database']>;
  /** A new empty collection, so tests do not see each other's documents. */
  freshCollection(): Promise<string>;
  /** Posts a raw body, for requests the SDK would never send. */
  rawPost(body: Record<string, unknown>): Promise<Record<string, unknown>>;
}

let collections = 0;

export async function startHarness(options: { lockTimeoutMs?: number; transactionIdleTimeoutMs?: number } = {}): Promise<Harness> {
  const server = await startDatabaseServer({ data: ':memory:', collections: TEST_COLLECTIONS, now: () => CLOCK, ...options });
  const db = sdkFor(server.url).database();
  return {
    server,
    db,
    async freshCollection() {
      const name = `c${++collections}_${Date.now().toString(36)}`;
      await db.createCollection(name);
      return name;
    },
    async rawPost(body) {
      const res = await fetch(`${server.url}?env=local-env&seqId=raw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as Record<string, unknown>;
    },
  };
}
