import type { CollectionSpec } from '../../../../../emulator/database/engine';
import type { RunningEmulator } from '../../../../../emulator/server';
import { startTestEmulator } from '../../../../helpers/emulator-sdk';
import { signedPost } from '../../../../helpers/signed-request';
import { sdkFor } from './sdk';

export const TEST_COLLECTIONS: CollectionSpec[] = [
  { name: 'users', indexes: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }, { name: 'community', keys: { communityId: 1 } }] },
  { name: 'grants', indexes: [{ name: 'grant_unique', keys: { openid: 1, role: 1, scopeId: 1 }, unique: true }] },
  { name: 'places', indexes: [{ name: 'location_geo', keys: { location: '2dsphere' } }] },
];

/** A fixed clock, so server dates can be asserted exactly. */
export const CLOCK = new Date('2025-03-01T08:00:00.000Z');

export interface Harness {
  /** The real emulator server (signatures verified with the local secret). */
  server: RunningEmulator;
  db: ReturnType<ReturnType<typeof sdkFor>['database']>;
  /** A new empty collection, so tests do not see each other's documents. */
  freshCollection(): Promise<string>;
  /** Posts a raw body, signed like the SDK signs, for requests the SDK would never send. */
  rawPost(body: Record<string, unknown>): Promise<Record<string, unknown>>;
}

let collections = 0;

export async function startHarness(options: { lockTimeoutMs?: number; transactionIdleTimeoutMs?: number } = {}): Promise<Harness> {
  const server = await startTestEmulator(':memory:', { collections: TEST_COLLECTIONS, now: () => CLOCK, database: options });
  const db = sdkFor(server.url).database();
  return {
    server,
    db,
    async freshCollection() {
      const name = `c${++collections}_${Date.now().toString(36)}`;
      await db.createCollection(name);
      return name;
    },
    rawPost(body) {
      return signedPost(server.url, body);
    },
  };
}
