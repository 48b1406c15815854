import { EmulatorError, EmulatorErrorCode } from '../errors';
import { aggregateDocuments } from './aggregate-action';
import {
  type ActionContext,
  calculateDocument,
  getDocument,
  insertDocument,
  modifyAndReturnDoc,
  modifyDocument,
  removeDocument,
  type Reply,
} from './document-actions';
import { toIndexDef } from './indexes';
import { LockManager } from './lock-manager';
import { type EngineStats, QueryRunner } from './query-runner';
import { requiredString, type Body } from './request-params';
import type { CollectionSpec } from './schema';
import { Storage } from './storage';
import {
  abortTransaction,
  commitTransaction,
  deleteDocInTransaction,
  getInTransaction,
  startTransaction,
  updateDocInTransaction,
} from './transaction-actions';
import { TransactionManager } from './transactions';

export type { CollectionSpec } from './schema';
export type { EngineStats } from './query-runner';

export interface DatabaseEngineOptions {
  /** a directory (the SQLite file goes inside it, <dir>/database.sqlite) or ':memory:' */
  data: string;
  collections: CollectionSpec[];
  /** injectable clock for serverDate; default () => new Date() */
  now?: () => Date;
  /** How long a request waits for a document another transaction holds before DATABASE_TRANSACTION_CONFLICT; default 5 s. */
  lockTimeoutMs?: number;
  /** A transaction without any request for this long is rolled back and its locks released; default 30 s. */
  transactionIdleTimeoutMs?: number;
  /** How long a query or aggregation with a regular expression may run before DATABASE_TIMEOUT; default 1 s. */
  queryTimeLimitMs?: number;
}

type Handler = (ctx: ActionContext, body: Body) => Promise<Reply> | Reply;

const HANDLERS: Record<string, Handler> = {
  'database.addCollection': addCollection,
  'database.insertDocument': insertDocument,
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
  'database.getInTransaction': getInTransaction,
  'database.updateDocInTransaction': updateDocInTransaction,
  'database.deleteDocInTransaction': deleteDocInTransaction,
};

/** The CloudBase document database of the local emulator: answers the SDK's `database.*` actions. */
export class DatabaseEngine {
  private readonly storage: Storage;
  private readonly transactions: TransactionManager;
  private readonly ctx: ActionContext;
  private readonly counters: EngineStats = { docsScanned: 0, collectionScans: 0, indexScans: 0, idLookups: 0 };

  constructor(options: DatabaseEngineOptions) {
    this.storage = new Storage(options.data);
    try {
      for (const spec of options.collections) this.storage.addCollection(spec.name);
      this.storage.syncIndexes(new Map(options.collections.map((spec) => [spec.name, spec.indexes.map(toIndexDef)])));
    } catch (error) {
      this.storage.close();
      throw error;
    }
    const locks = new LockManager(options.lockTimeoutMs ?? 5_000);
    this.transactions = new TransactionManager(this.storage, locks, { idleTimeoutMs: options.transactionIdleTimeoutMs ?? 30_000 });
    this.ctx = {
      storage: this.storage,
      runner: new QueryRunner(this.storage, this.counters, options.queryTimeLimitMs),
      locks,
      transactions: this.transactions,
      now: options.now ?? (() => new Date()),
    };
  }

  /** Answers one `database.*` request; the reply goes next to `requestId`. Every failure is an EmulatorError. */
  async handle(action: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const handler = Object.prototype.hasOwnProperty.call(HANDLERS, action) ? HANDLERS[action] : undefined;
    if (!handler) throw new EmulatorError(EmulatorErrorCode.invalidAction, `database action ${action || '(empty)'} is not supported by the local emulator`);
    try {
      return await handler(this.ctx, body);
    } catch (error) {
      if (error instanceof EmulatorError) throw error;
      throw new EmulatorError(EmulatorErrorCode.internal, `${action} failed: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  /** Cumulative counters since start, e.g. to check that a query used an index. */
  stats(): EngineStats {
    return { ...this.counters };
  }

  /** Grows with every document written or removed; tests compare it around a refused call to prove nothing was written. */
  writeCount(): number {
    return this.storage.writeCount();
  }

  /** What is stored now, as a digest; tests compare it around a refused call to prove nothing was left behind. */
  contentDigest(): string {
    return this.storage.contentDigest();
  }

  close(): void {
    this.transactions.close();
    this.storage.close();
  }
}

function addCollection(ctx: ActionContext, body: Body): Reply {
  const name = requiredString(body, 'collectionName');
  if (!ctx.storage.addCollection(name)) {
    throw new EmulatorError(EmulatorErrorCode.collectionAlreadyExist, `collection ${name} already exists`);
  }
  return {};
}
