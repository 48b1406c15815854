/**
 * Transactions of the local CloudBase emulator.
 *
 * Semantics (what a function sees):
 * - `database.startTransaction` returns a `transactionId`. Requests that carry it (doc get / set /
 *   update / remove, add, where().get(), where().updateAndReturn()) run inside the transaction.
 * - Writes are buffered in the transaction; its own reads see them (read-your-writes). Nothing is
 *   visible to anyone else until `commitTransaction`, which applies every write in ONE SQLite
 *   transaction: all or nothing, durable once acknowledged. `abortTransaction` drops the buffer.
 * - Isolation is two-phase locking on documents: a transaction takes an exclusive lock on a document
 *   the first time it reads or writes it (by `_id`, or each document a where() returns) and keeps it
 *   until commit or abort. Another transaction touching that document waits up to the lock timeout
 *   (5 s by default), then fails with DATABASE_TRANSACTION_CONFLICT; a released lock goes to the
 *   oldest waiter. A wait that would close a cycle (deadlock) rolls back the youngest transaction of
 *   the cycle with the same code, answered once the winner has released the contested document so
 *   that the SDK's immediate retry does not walk into the same deadlock.
 *   Non-transactional writes lock the documents they change for the length of their request, so
 *   they wait for a transaction's document the same way (and the rare one that would close a
 *   deadlock fails with the same code); non-transactional reads never wait and see committed data.
 * - At commit, every document the transaction read is checked to still be at the version it read
 *   (defence in depth; the locks already keep writers out), else DATABASE_TRANSACTION_CONFLICT.
 *   A unique index violated at commit gives DATABASE_DUPLICATE_WRITE; either way nothing is applied.
 * - A transaction that fails with a conflict is rolled back by the emulator itself and its locks are
 *   released, because the SDK's runTransaction retries with a NEW transaction without aborting the
 *   old one. A transaction idle for 30 s (no request in progress) is rolled back too; using it later
 *   gives DATABASE_TRANSACTION_NOT_EXIST with "expired" in the message.
 *
 * Differences from CloudBase: CloudBase reads a snapshot and locks on write, and lets only
 * single-document operations into a transaction; here reads lock too (so read-modify-write never
 * loses an update and conflicting transactions wait rather than fail), where() reads are allowed and
 * lock what they return (but not the gaps: no phantom protection), and aggregate/count are never
 * transactional (the SDK does not send a transactionId with them).
 */
import { randomBytes } from 'node:crypto';
import { EmulatorError, EmulatorErrorCode } from '../errors';
import { conflict, DeadlockError, type LockManager, type LockOwner } from './lock-manager';
import type { Overlay } from './query-runner';
import type { Storage } from './storage';

export interface TransactionOptions {
  idleTimeoutMs: number;
}

type Outcome = 'committed' | 'aborted' | 'conflict' | 'expired';

interface Ended {
  outcome: Outcome;
  message: string;
  at: number;
}

/** How long the outcome of an ended transaction is remembered, to answer late requests precisely. */
const REMEMBER_ENDED_MS = 10 * 60_000;

export function lockKey(collection: string, idKey: Buffer): string {
  return `${collection}\0${idKey.toString('hex')}`;
}

export class Transaction implements LockOwner {
  /** Pending writes per collection. */
  private readonly overlays = new Map<string, Overlay>();
  /** Written documents in first-write order, which is the order commit applies them in. */
  readonly writes = new Map<string, { collection: string; idKey: Buffer }>();
  /** Version of each committed document at its first read (null: it did not exist). */
  readonly reads = new Map<string, { collection: string; idKey: Buffer; version: number | null }>();
  inFlight = 0;
  lastActivity = Date.now();
  ended = false;

  constructor(
    readonly id: string,
    readonly age: number,
    private readonly onVictim: (tx: Transaction, error: EmulatorError) => void,
  ) {}

  abortAsVictim(error: EmulatorError): void {
    this.onVictim(this, error);
  }

  overlay(collection: string): Overlay {
    let overlay = this.overlays.get(collection);
    if (!overlay) this.overlays.set(collection, (overlay = new Map()));
    return overlay;
  }

  noteRead(collection: string, idKey: Buffer, version: number | null): void {
    const key = lockKey(collection, idKey);
    if (!this.reads.has(key) && !this.writes.has(key)) this.reads.set(key, { collection, idKey, version });
  }

  noteWrite(collection: string, idKey: Buffer): void {
    const key = lockKey(collection, idKey);
    if (!this.writes.has(key)) this.writes.set(key, { collection, idKey });
  }
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  private readonly ended = new Map<string, Ended>();
  private readonly sweeper: NodeJS.Timeout;
  private nextAge = 1;

  constructor(
    private readonly storage: Storage,
    private readonly locks: LockManager,
    private readonly options: TransactionOptions,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(1000, options.idleTimeoutMs / 2));
    this.sweeper.unref();
  }

  /** A fresh owner age for non-transactional writers, from the same sequence as transactions. */
  newAge(): number {
    return this.nextAge++;
  }

  start(): string {
    const id = randomBytes(16).toString('hex');
    const tx = new Transaction(id, this.newAge(), (victim, error) => this.end(victim, 'conflict', error.message, error));
    this.active.set(id, tx);
    return id;
  }

  /** Runs one request inside the transaction; a conflict rolls the whole transaction back. */
  async run<T>(transactionId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = this.get(transactionId);
    tx.inFlight++;
    try {
      return await fn(tx);
    } catch (error) {
      if (error instanceof EmulatorError && error.code === EmulatorErrorCode.transactionConflict && !tx.ended) {
        this.end(tx, 'conflict', error.message);
      }
      // The SDK retries a conflict at once with a new, youngest transaction, which would lose the
      // same deadlock again; answering once the winner has released the contested lock lets the retry pass.
      if (error instanceof DeadlockError) await this.locks.released(error.waitedFor);
      throw error;
    } finally {
      tx.inFlight--;
      tx.lastActivity = Date.now();
    }
  }

  commit(transactionId: string): void {
    const tx = this.get(transactionId);
    try {
      this.storage.transaction(() => {
        for (const read of tx.reads.values()) {
          const current = this.storage.getById(read.collection, read.idKey)?.version ?? null;
          if (current !== read.version) throw conflict(`a document in collection ${read.collection} changed after this transaction read it`);
        }
        for (const { collection, idKey } of tx.writes.values()) {
          const doc = tx.overlay(collection).get(idKey.toString('hex'));
          const current = this.storage.getById(collection, idKey);
          if (doc === null || doc === undefined) {
            if (current) this.storage.remove(current);
          } else if (current) {
            this.storage.replace(collection, current, doc);
          } else {
            this.storage.insert(collection, doc);
          }
        }
      });
    } catch (error) {
      const isConflict = error instanceof EmulatorError && error.code === EmulatorErrorCode.transactionConflict;
      this.end(tx, isConflict ? 'conflict' : 'aborted', `commit failed: ${(error as Error).message}`);
      throw error;
    }
    this.end(tx, 'committed', 'the transaction was committed');
  }

  /** Aborting twice, or after the emulator rolled the transaction back, is fine; after a commit it is not. */
  abort(transactionId: string): void {
    const tx = this.active.get(transactionId);
    if (tx) {
      this.end(tx, 'aborted', 'the transaction was aborted');
      return;
    }
    const ended = this.ended.get(transactionId);
    if (!ended || ended.outcome === 'committed') throw this.gone(transactionId);
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const tx of [...this.active.values()]) this.end(tx, 'aborted', 'the database is closing');
  }

  private get(transactionId: string): Transaction {
    const tx = this.active.get(transactionId);
    if (tx) return tx;
    throw this.gone(transactionId);
  }

  private gone(transactionId: string): EmulatorError {
    const ended = this.ended.get(transactionId);
    if (ended?.outcome === 'conflict') return conflict(`transaction ${transactionId} was rolled back: ${ended.message}`);
    const reason = ended ? ended.message : 'no such transaction';
    return new EmulatorError(EmulatorErrorCode.transactionNotExist, `transaction ${transactionId} does not exist: ${reason}`);
  }

  private end(tx: Transaction, outcome: Outcome, message: string, cause?: EmulatorError): void {
    if (tx.ended) return;
    tx.ended = true;
    this.active.delete(tx.id);
    this.ended.set(tx.id, { outcome, message, at: Date.now() });
    this.locks.releaseAll(tx, cause ?? (outcome === 'conflict' ? conflict(message) : new EmulatorError(EmulatorErrorCode.transactionNotExist, message)));
  }

  private sweep(): void {
    const now = Date.now();
    for (const tx of [...this.active.values()]) {
      if (tx.inFlight === 0 && now - tx.lastActivity > this.options.idleTimeoutMs) {
        this.end(tx, 'expired', `it expired after ${this.options.idleTimeoutMs} ms without a request and was rolled back`);
      }
    }
    for (const [id, ended] of this.ended) if (now - ended.at > REMEMBER_ENDED_MS) this.ended.delete(id);
  }
}
