import { EmulatorError } from '../errors';
import type { Doc } from './ejson';
import { indexKeysOf } from './indexes';
import { encodeKeyPart } from './key-codec';
import { conflict, type LockManager, type LockOwner } from './lock-manager';
import { pinnedIds } from './query-planner';
import type { FindOptions, Match, QueryRunner } from './query-runner';
import { duplicateIdError, duplicateKeyError, type Storage, type StoredDoc } from './storage';
import { lockKey, type Transaction } from './transactions';

export type Change =
  | { kind: 'insert'; doc: Doc }
  | { kind: 'replace'; stored?: StoredDoc; doc: Doc }
  | { kind: 'remove'; stored?: StoredDoc; doc: Doc };

/**
 * What document actions run against: committed data directly (one request = one SQLite transaction),
 * or a transaction's view (committed data under its locks, plus its own pending writes).
 * A `write` find returns with what it found locked by this session, so that nobody changes those
 * documents before `apply`.
 */
export interface Session {
  /** `write`: the caller will change what it finds; a transaction locks what it reads either way. */
  find(collection: string, filter: Doc, options: FindOptions, purpose: 'read' | 'write'): Promise<Match[]>;
  /** Locks `_id`s about to be inserted. */
  lockIds(collection: string, ids: unknown[]): Promise<void>;
  /** Writes all changes or none; an insert of an `_id` that exists fails with DATABASE_DUPLICATE_WRITE. */
  apply(collection: string, changes: Change[]): void;
  /** Releases what the request held (a transaction keeps its locks until it ends). */
  end(): void;
}

export interface SessionContext {
  storage: Storage;
  runner: QueryRunner;
  locks: LockManager;
}

/** A bound on re-running a write's query after waiting for locks, should its matches keep moving. */
const MAX_LOCK_ROUNDS = 20;

export class AutocommitSession implements Session, LockOwner {
  constructor(
    private readonly ctx: SessionContext,
    readonly age: number,
  ) {}

  abortAsVictim(error: EmulatorError): void {
    this.ctx.locks.releaseAll(this, error);
  }

  async find(collection: string, filter: Doc, options: FindOptions, purpose: 'read' | 'write'): Promise<Match[]> {
    if (purpose === 'read') return this.ctx.runner.find(collection, filter, options);
    const pinned = (pinnedIds(filter) ?? []).map((id) => lockKey(collection, encodeKeyPart(id)));
    for (let round = 0; round < MAX_LOCK_ROUNDS; round++) {
      const matches = this.ctx.runner.find(collection, filter, options);
      if (await this.holdAll([...pinned, ...matches.map((match) => lockKey(collection, match.stored!.id))])) return matches;
    }
    throw conflict(`the documents matching this write in collection ${collection} kept being locked by transactions`);
  }

  async lockIds(collection: string, ids: unknown[]): Promise<void> {
    const keys = ids.map((id) => lockKey(collection, encodeKeyPart(id)));
    for (let round = 0; round < MAX_LOCK_ROUNDS; round++) if (await this.holdAll(keys)) return;
    throw conflict(`the _ids being written in collection ${collection} kept being locked by transactions`);
  }

  /**
   * Takes every key at once if none is held by someone else (true), else waits for those that are
   * (false: the caller re-reads). Holding the free keys too keeps another request resumed in the
   * same tick from writing the same documents between this request's read and its write.
   */
  private async holdAll(keys: string[]): Promise<boolean> {
    const unique = [...new Set(keys)].sort();
    const blocked = unique.filter((key) => (this.ctx.locks.holder(key) ?? this) !== this);
    if (blocked.length === 0) {
      for (const key of unique) void this.ctx.locks.acquire(this, key);
      return true;
    }
    for (const key of blocked) await this.ctx.locks.acquire(this, key);
    return false;
  }

  apply(collection: string, changes: Change[]): void {
    const { storage } = this.ctx;
    storage.transaction(() => {
      for (const change of changes) {
        if (change.kind === 'insert') storage.insert(collection, change.doc);
        else if (change.kind === 'replace') storage.replace(collection, change.stored!, change.doc);
        else storage.remove(change.stored!);
      }
    });
  }

  end(): void {
    this.ctx.locks.releaseAll(this, conflict('the request ended'));
  }
}

export class TransactionSession implements Session {
  constructor(
    private readonly ctx: SessionContext,
    private readonly tx: Transaction,
  ) {}

  async find(collection: string, filter: Doc, options: FindOptions): Promise<Match[]> {
    const pinned = (pinnedIds(filter) ?? []).map(encodeKeyPart);
    await this.lockAll(collection, pinned);
    for (let round = 0; round < MAX_LOCK_ROUNDS; round++) {
      const matches = this.ctx.runner.find(collection, filter, { ...options, overlay: this.tx.overlay(collection) });
      const unlocked = matches.map((match) => encodeKeyPart(match.doc._id)).filter((idKey) => this.ctx.locks.holder(lockKey(collection, idKey)) !== this.tx);
      if (unlocked.length === 0) {
        for (const idKey of pinned) this.noteRead(collection, idKey);
        for (const match of matches) if (match.stored) this.tx.noteRead(collection, match.stored.id, match.stored.version);
        return matches;
      }
      await this.lockAll(collection, unlocked);
    }
    throw conflict(`the documents matching this read in collection ${collection} kept changing`);
  }

  async lockIds(collection: string, ids: unknown[]): Promise<void> {
    await this.lockAll(collection, ids.map(encodeKeyPart));
  }

  apply(collection: string, changes: Change[]): void {
    if (this.tx.ended) throw conflict('the transaction ended while this request was running');
    for (const change of changes) if (change.kind === 'insert' && this.exists(collection, change.doc._id)) throw duplicateIdError(collection, change.doc._id);
    const overlay = this.tx.overlay(collection);
    const written = changes.filter((change) => change.kind !== 'remove').map((change) => change.doc);
    this.assertUnique(collection, overlay, written, new Set(changes.map((change) => encodeKeyPart(change.doc._id).toString('hex'))));
    for (const change of changes) {
      const idKey = encodeKeyPart(change.doc._id);
      overlay.set(idKey.toString('hex'), change.kind === 'remove' ? null : change.doc);
      this.tx.noteWrite(collection, idKey);
    }
  }

  end(): void {}

  private exists(collection: string, id: unknown): boolean {
    const idKey = encodeKeyPart(id);
    const pending = this.tx.overlay(collection).get(idKey.toString('hex'));
    if (pending !== undefined) return pending !== null;
    return this.noteRead(collection, idKey) !== null;
  }

  private noteRead(collection: string, idKey: Buffer): number | null {
    const version = this.ctx.storage.getById(collection, idKey)?.version ?? null;
    this.tx.noteRead(collection, idKey, version);
    return version;
  }

  private async lockAll(collection: string, idKeys: Buffer[]): Promise<void> {
    const keys = [...new Set(idKeys.map((idKey) => lockKey(collection, idKey)))].sort();
    for (const key of keys) {
      if (this.tx.ended) throw conflict('the transaction ended while this request was running');
      await this.ctx.locks.acquire(this.tx, key);
    }
  }

  /** Unique indexes over committed data as this transaction will leave it, plus its other pending writes. */
  private assertUnique(collection: string, overlay: Map<string, Doc | null>, docs: Doc[], changing: Set<string>): void {
    const { storage } = this.ctx;
    for (const index of storage.indexesOf(collection)) {
      if (!index.unique || index.geoField) continue;
      const taken = new Map<string, string>();
      for (const [idHex, other] of overlay) {
        if (!other || changing.has(idHex)) continue;
        for (const key of indexKeysOf(other, index)) taken.set(key.toString('hex'), idHex);
      }
      for (const doc of docs) {
        const idHex = encodeKeyPart(doc._id).toString('hex');
        for (const key of indexKeysOf(doc, index)) {
          const keyHex = key.toString('hex');
          const pendingHolder = taken.get(keyHex);
          const committedHolder = storage.keyHolders(collection, index.name, key).find((holder) => {
            const holderHex = holder.toString('hex');
            return holderHex !== idHex && !overlay.has(holderHex) && !changing.has(holderHex);
          });
          if ((pendingHolder !== undefined && pendingHolder !== idHex) || committedHolder) throw duplicateKeyError(collection, index, doc);
          taken.set(keyHex, idHex);
        }
      }
    }
  }
}
