import { buildFixtureFunctions } from '../../helpers/build-fixture-functions';
import { expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { signedPost } from '../../helpers/signed-request';

/** Bodies that once took the whole host down: each gets a clear error, and the next call is served. */
let platform: TestPlatform;

beforeAll(async () => {
  const functionsDir = buildFixtureFunctions(['whoami']);
  // One worker: a slot left busy by a failed dispatch would hang every later call.
  platform = await startTestPlatform({ functionsDir, seed: false, poolSize: 1, functions: [{ name: 'whoami', timeout: 5 }] });
}, 30_000);

afterAll(() => platform?.close());

const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

it('answers a /fn body nested 100 000 levels deep with INVALID_ARGUMENT, then serves the next call', async () => {
  const res = await fetch(`${platform.url}/fn/whoami`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"deep":${deepArray(100_000)}}` });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT');
  expect(expectOk(await platform.call('whoami', 'after-deep-openid', {}))).toMatchObject({ openid: 'after-deep-openid' });
});

it('refuses deep request_data in functions.invokeFunction with INVALID_PARAM', async () => {
  const reply = await signedPost(platform.emulatorUrl, { action: 'functions.invokeFunction', function_name: 'whoami', request_data: `{"deep":${deepArray(100_000)}}` });
  expect(reply).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('nested deeper than') });
  expect(expectOk(await platform.call('whoami', 'after-relay-openid', {}))).toMatchObject({ openid: 'after-relay-openid' });
});

it('rejects an event the worker cannot receive without taking the slot, and keeps serving', async () => {
  await expect(platform.host.run('whoami', { notCloneable: () => 1 }, null)).rejects.toThrow('could not be passed to the function worker');
  const next = await Promise.race([
    platform.call('whoami', 'after-clone-openid', {}),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the worker slot stayed busy')), 5_000)),
  ]);
  expect(expectOk(next)).toMatchObject({ openid: 'after-clone-openid' });
});
