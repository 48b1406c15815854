import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sdkFor } from '../../helpers/emulator-sdk';
import { startTestPlatform } from '../../helpers/local-platform';
import { startPlatformProcess, type PlatformProcess } from '../../helpers/platform-process';
import { aMember, aWish } from '../../fixtures/builders';

/**
 * The platform process is killed with SIGKILL in the middle of a burst of writes through the functions, then started
 * again on the same data: every write whose reply the client received is there.
 */
jest.setTimeout(120_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'durability-'));
const claimsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'durability-claims-'));
let platform: PlatformProcess | undefined;

// Each test starts (and restarts) its own platform process; none may outlive it.
afterEach(async () => {
  await platform?.kill();
  platform = undefined;
});

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(claimsDir, { recursive: true, force: true });
});

async function call(url: string, token: string, payload: Record<string, unknown>, fn = 'user') {
  const res = await fetch(`${url}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(payload) });
  return (await res.json()) as { ok: boolean; data?: { phone?: string }; error?: { code: string } };
}

async function tokenFor(url: string, openid: string) {
  const res = await fetch(`${url}/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) });
  return ((await res.json()) as { token: string }).token;
}

it('keeps every acknowledged registration across a SIGKILL', async () => {
  platform = await startPlatformProcess(dataDir);
  const url = platform.url;
  const acknowledged = new Map<string, string>();
  let stop = false;

  async function writer(lane: number) {
    for (let i = 0; !stop; i += 1) {
      const openid = `burst-${lane}-${i}`;
      const phone = `139${String(lane).padStart(2, '0')}${String(i).padStart(6, '0')}`;
      try {
        const token = await tokenFor(url, openid);
        const reply = await call(url, token, { action: 'registerMember', name: '压测党员', phone, workUnitId: 'u-city-organ', partyBranch: '第一支部', skills: [], requestId: `burst-${lane}-${i}-req` });
        if (reply.ok) acknowledged.set(openid, phone);
      } catch {
        return; // the process is gone: this lane's last write was never acknowledged
      }
    }
  }

  const lanes = Array.from({ length: 6 }, (_, lane) => writer(lane));
  // Kill in full flight: once a good number of writes have been acknowledged and more are in progress.
  const deadline = Date.now() + 60_000;
  while (acknowledged.size < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await platform.kill('SIGKILL');
  stop = true;
  await Promise.all(lanes);
  expect(acknowledged.size).toBeGreaterThan(10);

  platform = await startPlatformProcess(dataDir);
  const missing: string[] = [];
  for (const [openid, phone] of acknowledged) {
    const me = (await call(platform.url, await tokenFor(platform.url, openid), { action: 'me' })) as { ok: boolean; data?: { profile?: { phone: string } | null } };
    if (me.data?.profile?.phone !== phone) missing.push(openid);
  }
  expect(missing).toEqual([]);
});

/** Published wishes and registered members written straight into the database, as earlier use would leave them. */
async function seedClaimables(url: string, members: string[], wishes: number) {
  const db = sdkFor(`${url}/admin`).database();
  const now = new Date();
  for (let i = 0; i < members.length; i += 25) {
    await Promise.all(
      members.slice(i, i + 25).map((openid) =>
        db.collection('users').add(aMember(openid, { name: '压测党员', createdAt: now })),
      ),
    );
  }
  for (let i = 0; i < wishes; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, wishes - i) }, (_, j) =>
        db.collection('wishes').add(aWish({ _id: `dur-w-${i + j}`, title: `心愿${i + j}`, status: 'published', publishAt: now })),
      ),
    );
  }
}

it('keeps every acknowledged claim across a SIGKILL: no wish with two claimants, counters reconciled to the truth', async () => {
  platform = await startPlatformProcess(claimsDir);
  const url = platform.url;
  const members = Array.from({ length: 80 }, (_, i) => `dur-claimer-${i}`);
  const WISHES = 150;
  await seedClaimables(url, members, WISHES);
  const tokens = new Map(await Promise.all(members.map(async (m) => [m, await tokenFor(url, m)] as const)));
  const acknowledged = new Map<string, string>();
  let stop = false;

  async function lane(lane: number) {
    for (let i = 0; !stop; i += 1) {
      const member = members[(lane * 7 + i) % members.length];
      const wishId = `dur-w-${(lane * 31 + i * 13) % WISHES}`;
      try {
        const reply = await call(url, tokens.get(member) as string, { action: 'claim', wishId }, 'wish');
        if (reply.ok) acknowledged.set(wishId, member);
      } catch {
        return;
      }
    }
  }

  const lanes = Array.from({ length: 8 }, (_, i) => lane(i));
  const deadline = Date.now() + 60_000;
  while (acknowledged.size < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await platform.kill('SIGKILL');
  stop = true;
  await Promise.all(lanes);
  platform = undefined;
  expect(acknowledged.size).toBeGreaterThanOrEqual(40);

  // Restarted on the same data, in-process so the test can fire the reconciliation timer as the platform would.
  const restarted = await startTestPlatform({ data: claimsDir, seed: false });
  try {
    const db = sdkFor(restarted.emulatorUrl).database();
    const wishes: { _id: string; status: string; claim: { openid: string; holderKey: string } | null; history: { event: string }[] }[] = [];
    for (let offset = 0; offset < WISHES; offset += 100) wishes.push(...((await db.collection('wishes').where({ _id: db.RegExp({ regexp: '^dur-w-' }) }).skip(offset).limit(100).get()).data as typeof wishes));
    const byId = new Map(wishes.map((w) => [w._id, w]));
    const lost = [...acknowledged].filter(([wishId, member]) => byId.get(wishId)?.status !== 'claimed' || byId.get(wishId)?.claim?.openid !== member);
    expect(lost).toEqual([]);
    expect(wishes.filter((w) => w.history.filter((e) => e.event === 'claim').length > 1)).toEqual([]);

    await restarted.fireTimer('wish', 'reconcileClaimCounters');
    const truth = new Map<string, number>();
    for (const w of wishes) if (w.status === 'claimed' && w.claim) truth.set(w.claim.holderKey, (truth.get(w.claim.holderKey) ?? 0) + 1);
    const { data: counters } = (await db.collection('wish_claimants').limit(1000).get()) as { data: { _id: string; open: number }[] };
    const wrong = members.map((m) => `m:${m}`).filter((key) => (counters.find((c) => c._id === key)?.open ?? 0) !== (truth.get(key) ?? 0));
    expect(wrong).toEqual([]);
    expect([...truth.values()].every((open) => open <= 2)).toBe(true);
  } finally {
    await restarted.close();
  }
});
