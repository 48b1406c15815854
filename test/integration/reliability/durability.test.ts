import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatformProcess, type PlatformProcess } from '../../helpers/platform-process';

/**
 * The platform process is killed with SIGKILL in the middle of a burst of writes through the functions, then started
 * again on the same data: every write whose reply the client received is there.
 */
jest.setTimeout(120_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'durability-'));
let platform: PlatformProcess | undefined;

afterAll(async () => {
  await platform?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call(url: string, token: string, payload: Record<string, unknown>) {
  const res = await fetch(`${url}/fn/user`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(payload) });
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
