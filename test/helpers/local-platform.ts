import path from 'node:path';
import { DEFAULT_ENV_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../emulator/config';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../local/server';
import { seedIfEmpty } from '../../local/seed/seed-data';
import { EJSON } from 'bson';
import { localTemplateId, type NoticeKind } from '../../src/domain/notice-templates';
import type { PostKind } from '../../src/domain/post-limits';
import type { ActionName, FunctionName, InputOf, OutputOf } from '../../src/lib/api';

export const ROOT = path.resolve(__dirname, '../..');
/** Where the deployable bundles are (FUNCTIONS_OUT lets parallel runs keep their own build). */
export const FUNCTIONS_DIR = process.env.FUNCTIONS_OUT ?? path.join(ROOT, 'dist', 'cloudfunctions');
/** The H5 build the browser tests open (H5_DIR likewise). */
export const H5_DIR = process.env.H5_DIR ?? path.join(ROOT, 'dist', 'h5');

export interface TestPlatform extends LocalServer {
  /**
   * Calls a function over HTTP as `openid` (null: anonymous), returning the envelope and the invocation id. Typed by the
   * function's contract (the same `Api` the client calls through): the action, its payload and the data are checked.
   */
  call<F extends FunctionName, A extends ActionName<F>>(fn: F, openid: string | null, payload: { action: A } & InputOf<F, A>): Promise<CallResult<OutputOf<F, A>>>;
  /** Untyped, for payloads the contract refuses on purpose (fuzzing, forged or malformed requests). */
  call<T = unknown>(fn: string, openid: string | null, payload: Record<string, unknown>): Promise<CallResult<T>>;
  login(openid: string): Promise<string>;
  /** Database round trips the emulator counted for one invocation. */
  roundTrips(invocationId: string): Promise<number>;
  /** `openid` taps 允许 for these notices (1–3 kinds, one message each), through the route the local app uses. */
  grantSubscription(openid: string, ...kinds: NoticeKind[]): Promise<void>;
}

export interface CallResult<T> {
  status: number;
  body: { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: { issues?: { field: string; message: string }[] } } };
  invocationId: string;
}

/** The whole local platform in-process on a free port, in memory, optionally seeded with the demo data. */
/**
 * `postLimits`: the admin's daily posting limits (the `app_settings/post-limits` document the functions read), for
 * tests and bench scenarios that post in bulk as one person, as an admin would raise them for such an event.
 */
export async function startTestPlatform(
  options: Partial<LocalServerOptions> & { seed?: boolean; postLimits?: Partial<Record<PostKind, number>> } = {},
): Promise<TestPlatform> {
  const server = await startLocalServer({
    data: ':memory:',
    envId: DEFAULT_ENV_ID,
    secretId: DEFAULT_SECRET_ID,
    secretKey: DEFAULT_SECRET_KEY,
    root: ROOT,
    functionsDir: FUNCTIONS_DIR,
    poolSize: 2,
    ...options,
  });
  if (options.seed !== false) {
    await seedIfEmpty({ serviceUrl: server.emulatorUrl, envId: DEFAULT_ENV_ID, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY });
  }
  if (options.postLimits) {
    const data = [EJSON.stringify({ _id: 'post-limits', limits: options.postLimits }, { relaxed: false })];
    await server.emulator.database.handle('database.insertDocument', { collectionName: 'app_settings', data });
  }
  const tokens = new Map<string, string>();

  async function login(openid: string): Promise<string> {
    const res = await fetch(`${server.url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
    const { token } = (await res.json()) as { token: string };
    tokens.set(openid, token);
    return token;
  }

  return {
    ...server,
    login,
    async call(fn: string, openid: string | null, payload: Record<string, unknown>) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (openid) headers.authorization = `Bearer ${tokens.get(openid) ?? (await login(openid))}`;
      const res = await fetch(`${server.url}/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify(payload) });
      return { status: res.status, body: (await res.json()) as CallResult<unknown>['body'], invocationId: res.headers.get('x-invocation-id') ?? '' };
    },
    async grantSubscription(openid: string, ...kinds: NoticeKind[]) {
      const res = await fetch(`${server.url}/dev/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(openid) ?? (await login(openid))}` },
        body: JSON.stringify({ tmplIds: kinds.map(localTemplateId) }),
      });
      if (res.status !== 200) throw new Error(`granting ${kinds.join(', ')} to ${openid} failed: ${res.status} ${await res.text()}`);
    },
    async roundTrips(invocationId: string) {
      const res = await fetch(`${server.url}/_emulator/metrics?tag=${encodeURIComponent(invocationId)}`);
      return ((await res.json()) as { databaseActions: number }).databaseActions;
    },
  };
}

export function expectOk<T>(result: CallResult<T>): T {
  if (!result.body.ok) throw new Error(`expected ok, got ${result.body.error.code}: ${result.body.error.message}`);
  return result.body.data;
}

export function errorOf(result: CallResult<unknown>) {
  if (result.body.ok) throw new Error(`expected an error, got ok: ${JSON.stringify(result.body.data)}`);
  return result.body.error;
}
