import type { EmulatorError } from '../../../../emulator/errors';
import { LockManager, type LockOwner } from '../../../../emulator/database/lock-manager';

function owners(locks: LockManager) {
  let age = 0;
  return () => {
    const owner: LockOwner & { victimOf?: EmulatorError } = {
      age: ++age,
      abortAsVictim(error) {
        owner.victimOf = error;
        locks.releaseAll(owner, error);
      },
    };
    return owner;
  };
}

const settled = async (promise: Promise<unknown>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

// The tests of order and deadlock give waits a minute: a 1 s limit ran out on a loaded machine (a full npm test) before
// the test looked, failing a wait the test expected still pending. The timeout itself is tested with 20 ms below.
const WAIT_MS = 60_000;

describe('document locks', () => {
  it('grants a free lock at once and makes others wait for its release', async () => {
    const locks = new LockManager(WAIT_MS);
    const owner = owners(locks);
    const a = owner();
    const b = owner();
    await locks.acquire(a, 'k');
    await locks.acquire(a, 'k');
    const waiting = locks.acquire(b, 'k');
    expect(await settled(waiting)).toBe('pending');
    locks.releaseAll(a, new Error('done') as EmulatorError);
    await waiting;
    expect(locks.holder('k')).toBe(b);
  });

  it('hands a released lock to the oldest waiter', async () => {
    const locks = new LockManager(WAIT_MS);
    const owner = owners(locks);
    const [holder, older, younger] = [owner(), owner(), owner()];
    await locks.acquire(holder, 'k');
    const youngerWaits = locks.acquire(younger, 'k');
    const olderWaits = locks.acquire(older, 'k');
    locks.releaseAll(holder, new Error('done') as EmulatorError);
    await olderWaits;
    expect(locks.holder('k')).toBe(older);
    expect(await settled(youngerWaits)).toBe('pending');
    locks.releaseAll(older, new Error('done') as EmulatorError);
    await youngerWaits;
  });

  it('fails a wait that lasts too long with DATABASE_TRANSACTION_CONFLICT', async () => {
    const locks = new LockManager(20);
    const owner = owners(locks);
    const a = owner();
    await locks.acquire(a, 'k');
    await expect(locks.acquire(owner(), 'k')).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(locks.holder('k')).toBe(a);
  });

  it('breaks a deadlock by failing the youngest owner of the cycle', async () => {
    const locks = new LockManager(WAIT_MS);
    const owner = owners(locks);
    const [older, younger] = [owner(), owner()];
    await locks.acquire(older, 'a');
    await locks.acquire(younger, 'b');
    const olderWaits = locks.acquire(older, 'b');
    await expect(locks.acquire(younger, 'a')).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', waitedFor: ['a'] });
    await olderWaits;
    expect(younger.victimOf?.message).toContain('deadlock');
    expect(older.victimOf).toBeUndefined();
  });

  it('tells when a lock has been released', async () => {
    const locks = new LockManager(WAIT_MS);
    const owner = owners(locks);
    const a = owner();
    await locks.acquire(a, 'k');
    const released = locks.released(['k', 'free']);
    expect(await settled(released)).toBe('pending');
    locks.releaseAll(a, new Error('done') as EmulatorError);
    await released;
  });
});
