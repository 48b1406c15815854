import { EJSON } from 'bson';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseEngine, type CollectionSpec } from '../../../../emulator/database/engine';

/** Indexes follow cloudbaserc.json across restarts on the same data directory. */
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-index-decl-'));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const open = (indexes: CollectionSpec['indexes']) => new DatabaseEngine({ data: dir, collections: [{ name: 'c', indexes }] });
const insert = (engine: DatabaseEngine, docs: object[]) =>
  engine.handle('database.insertDocument', { collectionName: 'c', data: docs.map((doc) => EJSON.stringify(doc, { relaxed: false })) });
const find = async (engine: DatabaseEngine, query: object) =>
  ((await engine.handle('database.getDocument', { collectionName: 'c', queryType: 'WHERE', query: JSON.stringify(query) })).data as { list: string[] }).list.length;

it('builds a newly declared index from the documents already stored, and uses it', async () => {
  const before = open([]);
  await insert(before, [{ k: 1 }, { k: 1 }, { k: 2 }]);
  before.close();

  const after = open([{ name: 'k', keys: { k: 1 } }]);
  expect(await find(after, { k: 1 })).toBe(2);
  expect(after.stats()).toMatchObject({ indexScans: 1, docsScanned: 2 });
  after.close();
});

it('refuses to start when stored documents break a newly declared unique index', async () => {
  const before = open([]);
  await insert(before, [{ k: 1 }, { k: 1 }]);
  before.close();
  expect(() => open([{ name: 'k_unique', keys: { k: 1 }, unique: true }])).toThrow('cannot build unique index k_unique on c');
  const again = open([]);
  expect(await find(again, {})).toBe(2);
  again.close();
});

it('drops an index that is no longer declared', async () => {
  const withIndex = open([{ name: 'k', keys: { k: 1 } }]);
  await insert(withIndex, [{ k: 1 }]);
  withIndex.close();
  const without = open([]);
  expect(await find(without, { k: 1 })).toBe(1);
  expect(without.stats()).toMatchObject({ collectionScans: 1, indexScans: 0 });
  without.close();
});
