import { startHarness, type Harness } from './helpers/fixtures';
import { sdkError } from './helpers/sdk';

type Row = Record<string, unknown>;
type Db = Harness['db'];
/** The transaction object of the SDK's startTransaction / runTransaction (typed loosely by the SDK). */
type Tx = { collection(name: string): ReturnType<Db['collection']>; commit(): Promise<unknown>; rollback(): Promise<unknown> };

const startTx = async (db: Db) => (await db.startTransaction()) as unknown as Tx;
const value = async (db: Db, name: string, id: string) => ((await db.collection(name).doc(id).get()).data as Row[])[0];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transactions', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(() => h.server.close());

  async function seeded(docs: Row[]): Promise<string> {
    const name = await h.freshCollection();
    await h.db.collection(name).add(docs);
    return name;
  }

  it('serialises 50 concurrent read-modify-write transactions: exactly +50, none failing', async () => {
    const name = await seeded([{ _id: 'x', n: 0 }]);
    const increment = () =>
      h.db.runTransaction(async (t: unknown) => {
        const tx = t as unknown as Tx;
        const read = await tx.collection(name).doc('x').get();
        await tx.collection(name).doc('x').update({ n: ((read.data as Row).n as number) + 1 });
      });
    const results = await Promise.allSettled(Array.from({ length: 50 }, increment));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect((await value(h.db, name, 'x')).n).toBe(50);
  });

  it('retries its way through opposite-order transactions (deadlocks) without losing an update', async () => {
    const name = await seeded([
      { _id: 'a', n: 0 },
      { _id: 'b', n: 0 },
    ]);
    const bump = (first: string, second: string) =>
      h.db.runTransaction(async (t: unknown) => {
        const tx = t as unknown as Tx;
        for (const id of [first, second]) {
          const read = await tx.collection(name).doc(id).get();
          await tx.collection(name).doc(id).update({ n: ((read.data as Row).n as number) + 1 });
        }
      });
    const runs = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? bump('a', 'b') : bump('b', 'a')));
    const results = await Promise.allSettled(runs);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect((await value(h.db, name, 'a')).n).toBe(10);
    expect((await value(h.db, name, 'b')).n).toBe(10);
  });

  it('shows a transaction its own writes, nobody else, until an atomic commit', async () => {
    const name = await seeded([
      { _id: 'keep', n: 1 },
      { _id: 'drop', n: 2 },
    ]);
    const tx = await startTx(h.db);
    await tx.collection(name).add({ _id: 'added', n: 3 });
    await tx.collection(name).doc('keep').update({ n: 10 });
    await tx.collection(name).doc('drop').remove();

    expect((await tx.collection(name).doc('keep').get()).data).toEqual({ _id: 'keep', n: 10 });
    expect((await tx.collection(name).doc('drop').get()).data).toBeNull();
    const inside = await tx.collection(name).where({ n: h.db.command.gte(3) }).get();
    expect((inside.data as Row[]).map((doc) => doc._id).sort()).toEqual(['added', 'keep']);

    const outside = await h.db.collection(name).orderBy('_id', 'asc').get();
    expect(outside.data).toEqual([
      { _id: 'drop', n: 2 },
      { _id: 'keep', n: 1 },
    ]);

    await tx.commit();
    const after = await h.db.collection(name).orderBy('_id', 'asc').get();
    expect(after.data).toEqual([
      { _id: 'added', n: 3 },
      { _id: 'keep', n: 10 },
    ]);
  });

  it('leaves nothing behind on abort and releases its locks', async () => {
    const name = await seeded([{ _id: 'k', n: 1 }]);
    const tx = await startTx(h.db);
    await tx.collection(name).add({ _id: 'ghost' });
    await tx.collection(name).doc('k').update({ n: 99 });
    await tx.rollback();
    expect(await h.db.collection(name).get()).toMatchObject({ data: [{ _id: 'k', n: 1 }] });
    expect((await h.db.collection(name).doc('k').update({ n: 2 })).updated).toBe(1);
  });

  it('rolls back on a failing callback in runTransaction', async () => {
    const name = await seeded([{ _id: 'k', n: 1 }]);
    const failing = h.db.runTransaction(async (t: unknown) => {
      await (t as unknown as Tx).collection(name).doc('k').update({ n: 5 });
      throw new Error('business rule said no');
    });
    await expect(failing).rejects.toThrow('business rule said no');
    expect((await value(h.db, name, 'k')).n).toBe(1);
  });

  it('applies all or nothing when the commit hits a unique index', async () => {
    const name = await seeded([{ _id: 'k', n: 1 }]);
    const tx = await startTx(h.db);
    await tx.collection(name).doc('k').update({ n: 2 });
    await tx.collection('users').add({ openid: 'late-duplicate' });
    await h.db.collection('users').add({ openid: 'late-duplicate' });
    expect(await sdkError(tx.commit())).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect((await value(h.db, name, 'k')).n).toBe(1);
    expect((await h.db.collection('users').where({ openid: 'late-duplicate' }).count()).total).toBe(1);
  });

  it('refuses a duplicate inside the transaction when the write is made', async () => {
    await h.db.collection('users').add({ openid: 'known-in-tx' });
    const tx = await startTx(h.db);
    expect(await sdkError(tx.collection('users').add({ openid: 'known-in-tx' }))).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await tx.rollback();
  });

  it('fails the younger transaction of a deadlock with DATABASE_TRANSACTION_CONFLICT and lets the older finish', async () => {
    const name = await seeded([
      { _id: 'a', n: 0 },
      { _id: 'b', n: 0 },
    ]);
    const older = await startTx(h.db);
    const younger = await startTx(h.db);
    await older.collection(name).doc('a').get();
    await younger.collection(name).doc('b').get();
    const olderWaits = older.collection(name).doc('b').get();
    // The victim's answer comes once the winner has released what they fought over, so that its retry can pass.
    const youngerFails = sdkError(younger.collection(name).doc('a').get());
    await olderWaits;
    await older.collection(name).doc('b').update({ n: 1 });
    await older.commit();
    const error = await youngerFails;
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(error.message).toContain('deadlock');
    expect((await value(h.db, name, 'b')).n).toBe(1);
    expect((await sdkError(younger.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  });

  it('makes a non-transactional write wait for the transaction holding the document', async () => {
    const name = await seeded([{ _id: 'w', n: 0 }]);
    const tx = await startTx(h.db);
    await tx.collection(name).doc('w').get();
    let writeDone = false;
    const write = h.db
      .collection(name)
      .doc('w')
      .update({ n: h.db.command.inc(1) })
      .then((result) => {
        writeDone = true;
        return result;
      });
    await sleep(100);
    expect(writeDone).toBe(false);
    await tx.collection(name).doc('w').update({ n: 10 });
    await tx.commit();
    expect((await write).updated).toBe(1);
    expect((await value(h.db, name, 'w')).n).toBe(11);
  });

  it('answers an unknown or finished transaction with DATABASE_TRANSACTION_NOT_EXIST', async () => {
    expect(await h.rawPost({ action: 'database.commitTransaction', transactionId: 'no-such-transaction' })).toMatchObject({
      code: 'DATABASE_TRANSACTION_NOT_EXIST',
    });
    const tx = await startTx(h.db);
    await tx.commit();
    expect((await sdkError(tx.collection('users').doc('any').get())).code).toBe('DATABASE_TRANSACTION_NOT_EXIST');
  });

  it('speaks the older transaction API still shipped in the SDK (getInTransaction & co.)', async () => {
    const name = await seeded([
      { _id: 'old', n: 1 },
      { _id: 'gone', n: 2 },
    ]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK's own legacy module, not a public entry
    const legacy = require('@cloudbase/database/dist/commonjs/transaction') as { startTransaction(this: Db): Promise<LegacyTx> };
    type Ref = ReturnType<ReturnType<Db['collection']>['doc']>;
    type LegacyTx = {
      get(ref: Ref): Promise<{ data(): Row | null }>;
      set(ref: Ref, data: Row): Promise<{ updated: number; upserted: unknown }>;
      update(ref: Ref, data: Row): Promise<{ updated: number }>;
      delete(ref: Ref): Promise<{ deleted: number }>;
      commit(): Promise<unknown>;
    };
    const tx = await legacy.startTransaction.call(h.db);
    const ref = (id: string) => h.db.collection(name).doc(id);
    expect((await tx.get(ref('old'))).data()).toEqual({ _id: 'old', n: 1 });
    expect(await tx.update(ref('old'), { n: 5 })).toMatchObject({ updated: 1 });
    expect(await tx.set(ref('fresh'), { n: 7 })).toMatchObject({ updated: 0, upserted: [{ _id: 'fresh' }] });
    expect(await tx.delete(ref('gone'))).toMatchObject({ deleted: 1 });
    expect((await tx.get(ref('gone'))).data()).toBeNull();
    await tx.commit();
    const { data } = await h.db.collection(name).orderBy('_id', 'asc').get();
    expect(data).toEqual([
      { _id: 'fresh', n: 7 },
      { _id: 'old', n: 5 },
    ]);
  });
});

describe('transaction timeouts', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ lockTimeoutMs: 200, transactionIdleTimeoutMs: 300 });
  });

  afterAll(() => h.server.close());

  it('fails a transaction that waits too long with DATABASE_TRANSACTION_CONFLICT and rolls it back', async () => {
    const name = await h.freshCollection();
    await h.db.collection(name).add({ _id: 'hot', n: 0 });
    const holder = await startTx(h.db);
    await holder.collection(name).doc('hot').get();
    const waiter = await startTx(h.db);
    await waiter.collection(name).add({ _id: 'waiter-write' });
    const error = await sdkError(waiter.collection(name).doc('hot').get());
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await sdkError(waiter.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await holder.collection(name).doc('hot').update({ n: 1 });
    await holder.commit();
    expect((await h.db.collection(name).orderBy('_id', 'asc').get()).data).toEqual([{ _id: 'hot', n: 1 }]);
  });

  it('expires an idle transaction and releases its locks', async () => {
    const name = await h.freshCollection();
    await h.db.collection(name).add({ _id: 'idle', n: 0 });
    const tx = await startTx(h.db);
    await tx.collection(name).doc('idle').update({ n: 5 });
    await sleep(1200);
    expect((await h.db.collection(name).doc('idle').update({ n: 1 })).updated).toBe(1);
    const error = await sdkError(tx.commit());
    expect(error.code).toBe('DATABASE_TRANSACTION_NOT_EXIST');
    expect(error.message).toContain('expired');
    expect((await value(h.db, name, 'idle')).n).toBe(1);
  });
});
