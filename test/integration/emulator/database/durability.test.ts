import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sdkFor } from './helpers/sdk';

/**
 * The engine in its own process, killed with SIGKILL in the middle of a burst of writes, then
 * restarted on the same directory: every acknowledged insert is there, no transaction is half there.
 */
jest.setTimeout(90_000);

// Requests cut off by the kill would leave the SDK's 3 s "slow request" timers behind; SILENCE turns them off.
process.env.SILENCE = 'true';

const SCRIPT = path.join(__dirname, 'helpers', 'serve-database.ts');

interface Served {
  child: ChildProcess;
  url: string;
  pid: number;
}

function serve(dir: string): Promise<Served> {
  const child = spawn('npx', ['tsx', SCRIPT, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve-database exited early with ${code}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^READY (\d+) (\d+)$/.exec(line);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}/admin`, pid: Number(match[2]) });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

type Row = Record<string, unknown>;

let dir: string;
const children: Served[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-durability-'));
});

afterAll(async () => {
  for (const served of children) {
    try {
      process.kill(served.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited(served.child);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged write and no half transaction across kill -9', async () => {
  const first = await serve(dir);
  children.push(first);
  const db = sdkFor(first.url).database();
  await db.collection('counters').add({ _id: 'pairs', n: 0 });

  const ackedInserts: string[] = [];
  const ackedPairs: number[] = [];
  let killed = false;
  const killOnceBothHaveProgress = () => {
    if (!killed && ackedInserts.length >= 100 && ackedPairs.length >= 10) {
      killed = true;
      process.kill(first.pid, 'SIGKILL');
    }
  };

  // Workers keep writing until the kill cuts them off, so requests are in flight when it lands.
  let nextInsert = 0;
  const insertWorker = async () => {
    while (!killed && nextInsert < 5000) {
      const result = await db.collection('events').add({ i: nextInsert++, at: new Date() });
      ackedInserts.push((result as { id: string }).id);
      killOnceBothHaveProgress();
    }
  };
  let nextPair = 0;
  const transactionWorker = async () => {
    while (!killed && nextPair < 1000) {
      const pair = nextPair++;
      await db.runTransaction(async (t: unknown) => {
        const tx = t as { collection(name: string): ReturnType<typeof db.collection> };
        await tx.collection('pairs').add({ pair, side: 'a' });
        await tx.collection('pairs').add({ pair, side: 'b' });
        const counter = await tx.collection('counters').doc('pairs').get();
        await tx.collection('counters').doc('pairs').update({ n: ((counter.data as unknown as Row).n as number) + 1 });
      });
      ackedPairs.push(pair);
      killOnceBothHaveProgress();
    }
  };
  await Promise.allSettled([...Array.from({ length: 10 }, insertWorker), ...Array.from({ length: 5 }, transactionWorker)]);
  expect(killed).toBe(true);
  await exited(first.child);

  const second = await serve(dir);
  children.push(second);
  const after = sdkFor(second.url).database();
  const _ = after.command;

  const found = new Set<string>();
  for (let i = 0; i < ackedInserts.length; i += 1000) {
    const { data } = await after.collection('events').where({ _id: _.in(ackedInserts.slice(i, i + 1000)) }).limit(1000).get();
    for (const doc of data as Row[]) found.add(doc._id as string);
  }
  expect(ackedInserts.filter((id) => !found.has(id))).toEqual([]);

  const { data: pairs } = await after.collection('pairs').limit(1000).get();
  const sides = new Map<number, string[]>();
  for (const doc of pairs as Row[]) sides.set(doc.pair as number, [...(sides.get(doc.pair as number) ?? []), doc.side as string]);
  for (const [, list] of sides) expect(list.sort()).toEqual(['a', 'b']);
  for (const pair of ackedPairs) expect(sides.has(pair)).toBe(true);
  const { data: counter } = await after.collection('counters').doc('pairs').get();
  expect((counter as Row[])[0].n).toBe(sides.size);
  console.log(
    `durability: ${ackedInserts.length} inserts and ${ackedPairs.length} transactions acknowledged before kill -9; ` +
      `${found.size} inserts and ${sides.size} whole transactions found after restart`,
  );
});
