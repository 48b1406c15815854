import { EJSON } from 'bson';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseEngine } from '../../../../emulator/database/engine';

/**
 * 100 000 documents straight through the engine (no HTTP): indexed lookups must read a handful of
 * documents, not the collection. Timings are printed for the record, not asserted.
 */
const TOTAL = 100_000;
const BATCH = 1_000;

let dir: string;
let engine: DatabaseEngine;
const timings: Record<string, string> = {};

jest.setTimeout(180_000);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ result: T; scanned: number }> {
  const before = engine.stats().docsScanned;
  const started = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const scanned = engine.stats().docsScanned - before;
  timings[label] = `${ms.toFixed(1)} ms, ${scanned} documents read`;
  return { result, scanned };
}

async function get(query: object, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const reply = await engine.handle('database.getDocument', {
    collectionName: 'bench',
    queryType: 'WHERE',
    query: EJSON.stringify(query, { relaxed: false }),
    ...extra,
  });
  return (reply.data as { list: string[] }).list.map((item) => EJSON.parse(item) as Record<string, unknown>);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-index-perf-'));
  engine = new DatabaseEngine({
    data: dir,
    collections: [
      {
        name: 'bench',
        indexes: [
          { name: 'group', keys: { group: 1 } },
          { name: 'n', keys: { n: 1 } },
          { name: 'openid_unique', keys: { openid: 1 }, unique: true },
        ],
      },
    ],
  });
  const started = Date.now();
  for (let from = 0; from < TOTAL; from += BATCH) {
    const data = Array.from({ length: BATCH }, (_, k) => {
      const i = from + k;
      return EJSON.stringify({ _id: `doc-${i}`, n: i, group: `g${i % 1000}`, openid: `o${i}`, at: new Date(1_700_000_000_000 + i * 1000) }, { relaxed: false });
    });
    await engine.handle('database.insertDocument', { collectionName: 'bench', data });
  }
  timings[`insert ${TOTAL} in batches of ${BATCH}`] = `${Date.now() - started} ms`;
});

afterAll(() => {
  console.log(`100k index timings:\n${Object.entries(timings).map(([label, value]) => `  ${label}: ${value}`).join('\n')}`);
  engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('answers an indexed equality from the index', async () => {
  const { result, scanned } = await timed('equality on an index ({group})', () => get({ group: 'g7' }));
  expect(result).toHaveLength(100);
  expect(result.every((doc) => doc.group === 'g7')).toBe(true);
  expect(scanned).toBe(100);
});

it('answers $in on an index from the index', async () => {
  const { result, scanned } = await timed('$in on an index', () => get({ group: { $in: ['g1', 'g2'] } }, { limit: 1000 }));
  expect(result).toHaveLength(200);
  expect(scanned).toBe(200);
});

it('answers an indexed range with a sort and limit by reading only the page', async () => {
  const { result, scanned } = await timed('range + orderBy + limit 10 on an index ({n >= 50000})', () =>
    get({ n: { $gte: 50_000 } }, { order: EJSON.stringify({ n: 1 }, { relaxed: false }), limit: 10 }),
  );
  expect(result.map((doc) => doc.n)).toEqual(Array.from({ length: 10 }, (_, i) => 50_000 + i));
  expect(scanned).toBeLessThanOrEqual(64);
});

it('sorts by an indexed field with a limit without a full scan', async () => {
  const { result, scanned } = await timed('orderBy(n, desc).limit(5), no filter', () => get({}, { order: EJSON.stringify({ n: -1 }, { relaxed: false }), limit: 5 }));
  expect(result.map((doc) => doc.n)).toEqual([99_999, 99_998, 99_997, 99_996, 99_995]);
  expect(scanned).toBeLessThanOrEqual(64);
});

it('reads one document for an _id or a unique key', async () => {
  const byId = await timed('_id lookup', () => get({ _id: 'doc-77777' }));
  expect(byId.result.map((doc) => doc.n)).toEqual([77_777]);
  expect(byId.scanned).toBe(1);
  const byUnique = await timed('unique index lookup', () => get({ openid: 'o12345' }));
  expect(byUnique.result.map((doc) => doc.n)).toEqual([12_345]);
  expect(byUnique.scanned).toBe(1);
});

it('counts an indexed equality and refuses a duplicate unique key fast', async () => {
  const counted = await timed('count on an index', () => engine.handle('database.calculateDocument', { collectionName: 'bench', query: EJSON.stringify({ group: 'g3' }) }));
  expect(counted.result).toEqual({ data: { total: 100 } });
  expect(counted.scanned).toBe(100);
  await expect(
    engine.handle('database.insertDocument', { collectionName: 'bench', data: [EJSON.stringify({ openid: 'o5' }, { relaxed: false })] }),
  ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
});

it('still answers an unindexed query, by reading the whole collection (for contrast)', async () => {
  const { result, scanned } = await timed('unindexed equality (full scan)', () => get({ at: new Date(1_700_000_000_000 + 4242 * 1000) }));
  expect(result.map((doc) => doc.n)).toEqual([4242]);
  expect(scanned).toBe(TOTAL);
});
