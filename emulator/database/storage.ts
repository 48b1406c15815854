import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { EmulatorError, EmulatorErrorCode } from '../errors';
import { decodeStoredDocument, encodeEJSON, type Doc } from './ejson';
import { indexKeysOf, type IndexDef } from './indexes';
import { encodeKeyPart } from './key-codec';

/** A document row. `version` grows on every write of any document, so a re-created document never repeats one. */
export interface StoredDoc {
  seq: number;
  id: Buffer;
  body: string;
  version: number;
}

/** Half-open key range [lo, hi) in index-key byte order. */
export interface KeyRange {
  lo: Buffer;
  hi: Buffer;
}

/** Every key starts with a type tag below 0xff, so [empty, 0xff) is everything. */
export const FULL_RANGE: KeyRange = { lo: Buffer.alloc(0), hi: Buffer.from([0xff]) };

/** Where a scan resumes: the last key and seq it returned. */
export interface ScanCursor {
  key: Buffer;
  seq: number;
}

export interface ScannedDoc extends StoredDoc {
  key: Buffer;
}

/** Bumped when the derived tables change shape; they are then dropped and rebuilt from the documents. */
const SCHEMA_VERSION = 2;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS indexes (
    id INTEGER PRIMARY KEY, collection TEXT NOT NULL, name TEXT NOT NULL, definition TEXT NOT NULL,
    UNIQUE (collection, name)
  );
  -- seq is the rowid: insertion order, which is the natural order of a collection scan.
  CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY, collection TEXT NOT NULL, id BLOB NOT NULL, body TEXT NOT NULL, version INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS documents_by_id ON documents (collection, id);
  CREATE INDEX IF NOT EXISTS documents_by_collection ON documents (collection, seq);
  CREATE TABLE IF NOT EXISTS index_entries (
    index_id INTEGER NOT NULL, key BLOB NOT NULL, seq INTEGER NOT NULL, multikey INTEGER NOT NULL,
    PRIMARY KEY (index_id, key, seq)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS index_entries_by_doc ON index_entries (seq);
  CREATE INDEX IF NOT EXISTS index_entries_multikey ON index_entries (index_id) WHERE multikey = 1;
`;

const DOC_COLUMNS = 'd.seq AS seq, d.id AS id, d.body AS body, d.version AS version';

/**
 * SQLite persistence: one file, WAL, one connection. Every public write runs inside the caller's
 * `transaction()` so that a request (or a commit) is all-or-nothing; synchronous=NORMAL in WAL mode
 * loses nothing on a process kill, only possibly the last commits on power loss.
 */
export class Storage {
  private readonly db: Database.Database;
  private readonly indexDefs = new Map<string, IndexDef[]>();
  /** Row id of each index in `indexes`, by `collection \0 name`. */
  private readonly indexIds = new Map<string, number>();
  private readonly collections = new Set<string>();
  private lastVersion: number;
  private writes = 0;
  private readonly sql;

  constructor(data: string) {
    const file = data === ':memory:' ? ':memory:' : path.join(data, 'database.sqlite');
    if (data !== ':memory:') fs.mkdirSync(data, { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    if (this.db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
      this.db.exec('DROP TABLE IF EXISTS index_entries; DROP TABLE IF EXISTS indexes;');
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    this.db.exec(SCHEMA);
    const db = this.db;
    this.sql = {
      addCollection: db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)'),
      listCollections: db.prepare('SELECT name FROM collections').pluck(),
      maxVersion: db.prepare('SELECT COALESCE(MAX(version), 0) FROM documents').pluck(),
      byId: db.prepare(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.collection = ? AND d.id = ?`),
      count: db.prepare('SELECT COUNT(*) FROM documents WHERE collection = ?').pluck(),
      insertDoc: db.prepare('INSERT INTO documents (collection, id, body, version) VALUES (?, ?, ?, ?)'),
      updateDoc: db.prepare('UPDATE documents SET body = ?, version = ? WHERE seq = ?'),
      deleteDoc: db.prepare('DELETE FROM documents WHERE seq = ?'),
      insertEntry: db.prepare('INSERT OR IGNORE INTO index_entries (index_id, key, seq, multikey) VALUES (?, ?, ?, ?)'),
      deleteEntriesOfDoc: db.prepare('DELETE FROM index_entries WHERE seq = ?'),
      deleteEntriesOfIndex: db.prepare('DELETE FROM index_entries WHERE index_id = ?'),
      keyHolders: db.prepare('SELECT d.id FROM index_entries e JOIN documents d ON d.seq = e.seq WHERE e.index_id = ? AND e.key = ?').pluck(),
      keyHolder: db.prepare('SELECT seq FROM index_entries WHERE index_id = ? AND key = ? AND seq <> ? LIMIT 1').pluck(),
      multikey: db.prepare('SELECT 1 FROM index_entries WHERE index_id = ? AND multikey = 1 LIMIT 1').pluck(),
      storedIndexes: db.prepare('SELECT id, name, definition FROM indexes WHERE collection = ?'),
      allIndexedCollections: db.prepare('SELECT DISTINCT collection FROM indexes').pluck(),
      putIndex: db.prepare('INSERT INTO indexes (collection, name, definition) VALUES (?, ?, ?)'),
      dropIndex: db.prepare('DELETE FROM indexes WHERE id = ?'),
      scanFirst: db.prepare(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.collection = ? AND d.seq > ? ORDER BY d.seq LIMIT ?`),
      // Ascending pages take one lower bound: the range's start on the first page, the cursor (within the range) after
      // it. Given both, SQLite seeks on the first and walks the collection from its start.
      idAscFirst: db.prepare(`SELECT ${DOC_COLUMNS}, d.id AS key FROM documents d WHERE d.collection = ? AND d.id >= ? AND d.id < ? ORDER BY d.id LIMIT ?`),
      idAscAfter: db.prepare(`SELECT ${DOC_COLUMNS}, d.id AS key FROM documents d WHERE d.collection = ? AND d.id > ? AND d.id < ? ORDER BY d.id LIMIT ?`),
      idDesc: db.prepare(`SELECT ${DOC_COLUMNS}, d.id AS key FROM documents d WHERE d.collection = ? AND d.id < ? AND d.id >= ? AND d.id < ? ORDER BY d.id DESC LIMIT ?`),
      indexAscFirst: db.prepare(
        `SELECT ${DOC_COLUMNS}, e.key AS key FROM index_entries e JOIN documents d ON d.seq = e.seq
         WHERE e.index_id = ? AND e.key >= ? AND e.key < ?
         ORDER BY e.key, e.seq LIMIT ?`,
      ),
      indexAscAfter: db.prepare(
        `SELECT ${DOC_COLUMNS}, e.key AS key FROM index_entries e JOIN documents d ON d.seq = e.seq
         WHERE e.index_id = ? AND (e.key, e.seq) > (?, ?) AND e.key < ?
         ORDER BY e.key, e.seq LIMIT ?`,
      ),
      indexDesc: db.prepare(
        `SELECT ${DOC_COLUMNS}, e.key AS key FROM index_entries e JOIN documents d ON d.seq = e.seq
         WHERE e.index_id = ? AND (e.key, e.seq) < (?, ?) AND e.key >= ? AND e.key < ?
         ORDER BY e.key DESC, e.seq DESC LIMIT ?`,
      ),
    };
    for (const name of this.sql.listCollections.all() as string[]) this.collections.add(name);
    this.lastVersion = this.sql.maxVersion.get() as number;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }

  /** Document writes (inserts, replacements, removals) since this process opened the database. */
  writeCount(): number {
    return this.writes;
  }

  /**
   * A digest of what is stored now: changes with any document left inserted, changed or removed, but not with a
   * document written and removed again in between (a reserved and released request id).
   */
  contentDigest(): string {
    const row = this.db.prepare('SELECT count(*) AS n, total(version) AS v, total(length(body)) AS b FROM documents').get() as { n: number; v: number; b: number };
    return `${row.n}:${row.v}:${row.b}`;
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  /** Returns false when the collection already existed. */
  addCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.sql.addCollection.run(name);
    this.collections.add(name);
    return true;
  }

  indexesOf(collection: string): IndexDef[] {
    return this.indexDefs.get(collection) ?? [];
  }

  /**
   * Makes the stored index entries match the declaration: new or changed indexes are built from
   * the documents, indexes no longer declared are dropped. Fails if a unique index does not hold.
   */
  syncIndexes(declared: Map<string, IndexDef[]>): void {
    this.transaction(() => {
      const names = new Set([...declared.keys(), ...(this.sql.allIndexedCollections.all() as string[])]);
      for (const collection of names) {
        const wanted = declared.get(collection) ?? [];
        for (const row of this.sql.storedIndexes.all(collection) as { id: number; name: string; definition: string }[]) {
          const def = wanted.find((index) => index.name === row.name);
          if (def && JSON.stringify(def) === row.definition) {
            this.indexIds.set(indexKey(collection, row.name), row.id);
          } else {
            this.sql.deleteEntriesOfIndex.run(row.id);
            this.sql.dropIndex.run(row.id);
          }
        }
        for (const def of wanted) {
          if (this.indexIds.has(indexKey(collection, def.name))) continue;
          const id = Number(this.sql.putIndex.run(collection, def.name, JSON.stringify(def)).lastInsertRowid);
          this.indexIds.set(indexKey(collection, def.name), id);
          this.buildIndex(collection, def, id);
        }
        this.indexDefs.set(collection, wanted);
      }
    });
  }

  count(collection: string): number {
    return this.sql.count.get(collection) as number;
  }

  /** `idKey` is the `_id` encoded with encodeKeyPart. */
  getById(collection: string, idKey: Buffer): StoredDoc | undefined {
    return this.sql.byId.get(collection, idKey) as StoredDoc | undefined;
  }

  /** The `_id` keys of the documents holding `key` in an index. */
  keyHolders(collection: string, index: string, key: Buffer): Buffer[] {
    return this.sql.keyHolders.all(this.indexId(collection, index), key) as Buffer[];
  }

  isMultikey(collection: string, index: string): boolean {
    return this.sql.multikey.get(this.indexId(collection, index)) !== undefined;
  }

  /** One page of a collection in insertion order, after `afterSeq`. */
  scanPage(collection: string, afterSeq: number, limit: number): StoredDoc[] {
    return this.sql.scanFirst.all(collection, afterSeq, limit) as StoredDoc[];
  }

  /** One page of documents by `_id` order within `range`, after `cursor` (exclusive). */
  idPage(collection: string, range: KeyRange, descending: boolean, cursor: Buffer | undefined, limit: number): ScannedDoc[] {
    if (descending) return this.sql.idDesc.all(collection, cursor ?? range.hi, range.lo, range.hi, limit) as ScannedDoc[];
    if (cursor) return this.sql.idAscAfter.all(collection, cursor, range.hi, limit) as ScannedDoc[];
    return this.sql.idAscFirst.all(collection, range.lo, range.hi, limit) as ScannedDoc[];
  }

  /** One page of index entries (with their documents) within `range`, after `cursor` (exclusive). */
  indexPage(collection: string, index: string, range: KeyRange, descending: boolean, cursor: ScanCursor | undefined, limit: number): ScannedDoc[] {
    const id = this.indexId(collection, index);
    if (descending) {
      const start = cursor ?? { key: range.hi, seq: 0 };
      return this.sql.indexDesc.all(id, start.key, start.seq, range.lo, range.hi, limit) as ScannedDoc[];
    }
    if (cursor) return this.sql.indexAscAfter.all(id, cursor.key, cursor.seq, range.hi, limit) as ScannedDoc[];
    return this.sql.indexAscFirst.all(id, range.lo, range.hi, limit) as ScannedDoc[];
  }

  insert(collection: string, doc: Doc): StoredDoc {
    const id = encodeKeyPart(doc._id);
    if (this.sql.byId.get(collection, id)) throw duplicateIdError(collection, doc._id);
    const keys = this.keysChecked(collection, doc, -1);
    const body = encodeEJSON(doc);
    const version = ++this.lastVersion;
    this.writes += 1;
    const seq = Number(this.sql.insertDoc.run(collection, id, body, version).lastInsertRowid);
    this.writeEntries(seq, keys);
    return { seq, id, body, version };
  }

  replace(collection: string, old: StoredDoc, doc: Doc): StoredDoc {
    const keys = this.keysChecked(collection, doc, old.seq);
    const body = encodeEJSON(doc);
    const version = ++this.lastVersion;
    this.writes += 1;
    this.sql.updateDoc.run(body, version, old.seq);
    this.sql.deleteEntriesOfDoc.run(old.seq);
    this.writeEntries(old.seq, keys);
    return { seq: old.seq, id: old.id, body, version };
  }

  remove(old: StoredDoc): void {
    this.writes += 1;
    this.sql.deleteDoc.run(old.seq);
    this.sql.deleteEntriesOfDoc.run(old.seq);
  }

  /** The `_id` of another document holding one of `doc`'s keys in a unique index, if any. */
  uniqueConflict(collection: string, doc: Doc, ignoreSeq: number): { index: IndexDef; seq: number } | undefined {
    for (const index of this.indexesOf(collection)) {
      if (!index.unique || index.geoField) continue;
      for (const key of indexKeysOf(doc, index)) {
        const seq = this.sql.keyHolder.get(this.indexId(collection, index.name), key, ignoreSeq) as number | undefined;
        if (seq !== undefined) return { index, seq };
      }
    }
    return undefined;
  }

  private keysChecked(collection: string, doc: Doc, ignoreSeq: number): Map<number, Buffer[]> {
    const conflict = this.uniqueConflict(collection, doc, ignoreSeq);
    if (conflict) throw duplicateKeyError(collection, conflict.index, doc);
    const keys = new Map<number, Buffer[]>();
    for (const index of this.indexesOf(collection)) if (!index.geoField) keys.set(this.indexId(collection, index.name), indexKeysOf(doc, index));
    return keys;
  }

  private writeEntries(seq: number, keys: Map<number, Buffer[]>): void {
    for (const [indexId, list] of keys) {
      const multikey = list.length > 1 ? 1 : 0;
      for (const key of list) this.sql.insertEntry.run(indexId, key, seq, multikey);
    }
  }

  private indexId(collection: string, name: string): number {
    const id = this.indexIds.get(indexKey(collection, name));
    if (id === undefined) throw new Error(`index ${name} of ${collection} is not declared`);
    return id;
  }

  private buildIndex(collection: string, index: IndexDef, indexId: number): void {
    if (index.geoField) return;
    const holders = new Map<string, number>();
    let afterSeq = 0;
    for (let page = this.scanPage(collection, afterSeq, 1000); page.length > 0; page = this.scanPage(collection, afterSeq, 1000)) {
      for (const row of page) {
        const doc = decodeStoredDocument(row.body);
        const keys = indexKeysOf(doc, index);
        for (const key of keys) {
          const hex = key.toString('hex');
          const holder = holders.get(hex);
          if (index.unique && holder !== undefined && holder !== row.seq) {
            throw new Error(`cannot build unique index ${index.name} on ${collection}: duplicate key ${encodeEJSON(keyValues(doc, index))}`);
          }
          holders.set(hex, row.seq);
          this.sql.insertEntry.run(indexId, key, row.seq, keys.length > 1 ? 1 : 0);
        }
        afterSeq = row.seq;
      }
    }
  }
}

function indexKey(collection: string, name: string): string {
  return `${collection}\0${name}`;
}

export function duplicateKeyError(collection: string, index: IndexDef, doc: Doc): EmulatorError {
  return duplicate(collection, index.name, keyValues(doc, index));
}

export function duplicateIdError(collection: string, id: unknown): EmulatorError {
  return duplicate(collection, '_id', { _id: id });
}

function keyValues(doc: Doc, index: IndexDef): Doc {
  const out: Doc = {};
  for (const field of index.fields) out[field] = field.split('.').reduce<unknown>((value, part) => (value as Doc | undefined)?.[part], doc) ?? null;
  return out;
}

function duplicate(collection: string, index: string, key: Doc): EmulatorError {
  return new EmulatorError(
    EmulatorErrorCode.duplicateWrite,
    `duplicate key in collection ${collection}, index ${index}: ${encodeEJSON(key)} already exists; nothing was written`,
  );
}
