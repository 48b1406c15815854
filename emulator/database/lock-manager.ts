import { EmulatorError, EmulatorErrorCode } from '../errors';

/** Whoever holds locks: a transaction, or a non-transactional write for the length of one request. */
export interface LockOwner {
  /** Grows with each new owner, so a larger one is younger; the youngest of a deadlock gives way. */
  readonly age: number;
  /** Called when this owner is chosen as a deadlock victim; must end up calling releaseAll. */
  abortAsVictim(error: EmulatorError): void;
}

interface Waiter {
  owner: LockOwner;
  key: string;
  resolve(): void;
  reject(error: EmulatorError): void;
  timer: NodeJS.Timeout;
}

export function conflict(message: string): EmulatorError {
  return new EmulatorError(EmulatorErrorCode.transactionConflict, message);
}

/** A deadlock victim's conflict, with the locks it was waiting for. */
export class DeadlockError extends EmulatorError {
  constructor(readonly waitedFor: string[]) {
    super(EmulatorErrorCode.transactionConflict, 'deadlock between transactions; the youngest one was rolled back, retry it');
  }
}

/**
 * Exclusive per-document locks with a bounded wait and deadlock detection on the wait-for graph.
 * Everything runs in one Node process, so a wait is just a pending promise. A released lock goes to
 * the oldest waiter rather than the first in line: deadlock victims are the youngest, so granting
 * by age lets the older side of every cycle finish instead of feeding it a fresh deadlock.
 */
export class LockManager {
  private readonly holders = new Map<string, LockOwner>();
  private readonly queues = new Map<string, Waiter[]>();
  private readonly held = new Map<LockOwner, Set<string>>();
  private readonly waiting = new Map<LockOwner, Set<Waiter>>();
  private readonly releaseListeners = new Map<string, Set<() => void>>();

  constructor(private readonly waitTimeoutMs: number) {}

  holder(key: string): LockOwner | undefined {
    return this.holders.get(key);
  }

  /** Resolves once `owner` holds `key`; rejects with DATABASE_TRANSACTION_CONFLICT on timeout or deadlock. */
  acquire(owner: LockOwner, key: string): Promise<void> {
    const holder = this.holders.get(key);
    if (holder === owner) return Promise.resolve();
    if (!holder) {
      this.grant(owner, key);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        owner,
        key,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.dropWaiter(waiter);
          reject(conflict(`waited more than ${this.waitTimeoutMs} ms for a document another transaction holds (${describe(key)})`));
        }, this.waitTimeoutMs),
      };
      this.queue(key).push(waiter);
      this.waitersOf(owner).add(waiter);
      this.breakDeadlock(owner);
    });
  }

  /** Resolves once each of `keys` has been released by its current holder (or at once if free), at the latest after the wait timeout. */
  async released(keys: string[]): Promise<void> {
    const held = keys.filter((key) => this.holders.has(key));
    await Promise.all(
      held.map(
        (key) =>
          new Promise<void>((resolve) => {
            let listeners = this.releaseListeners.get(key);
            if (!listeners) this.releaseListeners.set(key, (listeners = new Set()));
            const done = () => {
              clearTimeout(timer);
              listeners!.delete(done);
              if (listeners!.size === 0) this.releaseListeners.delete(key);
              resolve();
            };
            const timer = setTimeout(done, this.waitTimeoutMs);
            listeners.add(done);
          }),
      ),
    );
  }

  /** Releases every lock of `owner` (handing each to its next waiter) and fails its pending waits with `reason`. */
  releaseAll(owner: LockOwner, reason: EmulatorError): void {
    for (const waiter of [...(this.waiting.get(owner) ?? [])]) {
      this.dropWaiter(waiter);
      waiter.reject(reason);
    }
    this.waiting.delete(owner);
    const keys = this.held.get(owner);
    this.held.delete(owner);
    for (const key of keys ?? []) {
      this.holders.delete(key);
      for (const listener of [...(this.releaseListeners.get(key) ?? [])]) listener();
      const next = this.queues.get(key)?.reduce((oldest, waiter) => (waiter.owner.age < oldest.owner.age ? waiter : oldest));
      if (next) {
        this.dropWaiter(next);
        this.grant(next.owner, key);
        next.resolve();
      }
    }
  }

  private grant(owner: LockOwner, key: string): void {
    this.holders.set(key, owner);
    let keys = this.held.get(owner);
    if (!keys) this.held.set(owner, (keys = new Set()));
    keys.add(key);
  }

  /** A new wait may close a cycle; if so the youngest owner in it fails at once, as CloudBase would fail it on conflict. */
  private breakDeadlock(start: LockOwner): void {
    const cycle = this.cycleThrough(start);
    if (!cycle) return;
    const victim = cycle.reduce((youngest, owner) => (owner.age > youngest.age ? owner : youngest));
    victim.abortAsVictim(new DeadlockError([...(this.waiting.get(victim) ?? [])].map((waiter) => waiter.key)));
  }

  private cycleThrough(start: LockOwner): LockOwner[] | undefined {
    const path: LockOwner[] = [];
    const visited = new Set<LockOwner>();
    const visit = (owner: LockOwner): boolean => {
      path.push(owner);
      visited.add(owner);
      for (const waiter of this.waiting.get(owner) ?? []) {
        const holder = this.holders.get(waiter.key);
        if (!holder) continue;
        if (holder === start || (!visited.has(holder) && visit(holder))) return true;
      }
      path.pop();
      return false;
    };
    return visit(start) ? path : undefined;
  }

  private queue(key: string): Waiter[] {
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = []));
    return queue;
  }

  private waitersOf(owner: LockOwner): Set<Waiter> {
    let set = this.waiting.get(owner);
    if (!set) this.waiting.set(owner, (set = new Set()));
    return set;
  }

  private dropWaiter(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    const queue = this.queues.get(waiter.key);
    if (queue) {
      const at = queue.indexOf(waiter);
      if (at >= 0) queue.splice(at, 1);
      if (queue.length === 0) this.queues.delete(waiter.key);
    }
    this.waiting.get(waiter.owner)?.delete(waiter);
  }
}

/** Lock keys are `collection \0 _id-key-hex`; show the collection in messages. */
function describe(key: string): string {
  return `collection ${key.split('\0')[0]}`;
}
