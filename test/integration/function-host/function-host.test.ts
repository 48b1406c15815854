import { buildFixtureFunctions } from '../../helpers/build-fixture-functions';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';

let platform: TestPlatform;

beforeAll(async () => {
  const functionsDir = buildFixtureFunctions(['whoami', 'relay', 'crash', 'hang']);
  platform = await startTestPlatform({
    functionsDir,
    seed: false,
    poolSize: 2,
    functions: [
      { name: 'whoami', timeout: 5 },
      { name: 'relay', timeout: 5 },
      { name: 'crash', timeout: 5 },
      { name: 'hang', timeout: 1 },
    ],
  });
}, 30_000);

afterAll(() => platform?.close());

describe('caller identity', () => {
  it('gives each invocation its own caller, even when they overlap in the pool', async () => {
    const callers = ['alice-openid', 'bob-openid', 'carol-openid', 'dave-openid'];
    const results = await Promise.all(callers.map((openid, i) => platform.call<{ openid: string; after: string }>('whoami', openid, { delayMs: 50 * (i % 2) })));
    expect(results.map((r) => expectOk(r))).toEqual(callers.map((openid) => ({ openid, after: openid })));
  });

  it('runs an anonymous call with an empty identity', async () => {
    expect(expectOk(await platform.call('whoami', null, {}))).toEqual({ openid: '', after: '' });
  });

  it('refuses a forged token with UNAUTHENTICATED', async () => {
    const res = await fetch(`${platform.url}/fn/whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJvcGVuaWQiOiJhZG1pbiJ9.forged' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('passes the original caller on through functions.invokeFunction', async () => {
    const data = expectOk(await platform.call<{ relayedBy: string; callee: { openid: string } }>('relay', 'erin-openid', {}));
    expect(data).toEqual({ relayedBy: 'erin-openid', callee: { openid: 'erin-openid', after: 'erin-openid' } });
  });
});

describe('metrics', () => {
  it('counts the database round trips of one invocation', async () => {
    const result = await platform.call('whoami', 'frank-openid', {});
    expect(result.invocationId).toMatch(/^inv_/);
    expect(await platform.roundTrips(result.invocationId)).toBe(1);
  });
});

describe('faults', () => {
  it('answers INTERNAL when a function instance crashes, and keeps serving', async () => {
    expect(errorOf(await platform.call('crash', 'gina-openid', { how: 'throw' })).code).toBe('INTERNAL');
    expect(errorOf(await platform.call('crash', 'gina-openid', { how: 'exit' })).code).toBe('INTERNAL');
    expect(expectOk(await platform.call('whoami', 'gina-openid', {}))).toMatchObject({ openid: 'gina-openid' });
  });

  it('answers INTERNAL with 超时 when a function exceeds its timeout, and keeps serving', async () => {
    const started = Date.now();
    const error = errorOf(await platform.call('hang', 'hank-openid', {}));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('超时');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(expectOk(await platform.call('whoami', 'hank-openid', {}))).toMatchObject({ openid: 'hank-openid' });
  });

  it('answers NOT_FOUND for a function that does not exist', async () => {
    const result = await platform.call('nope', 'ivan-openid', {});
    expect(result.status).toBe(404);
    expect(errorOf(result).code).toBe('NOT_FOUND');
  });

  it('answers INVALID_ARGUMENT for a body that is not JSON', async () => {
    const res = await fetch(`${platform.url}/fn/whoami`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('dev login', () => {
  it('issues a token for a valid openid and refuses a malformed one', async () => {
    const good = await fetch(`${platform.url}/dev/login`, { method: 'POST', body: JSON.stringify({ openid: 'jack-openid' }) });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { token: string }).token).toMatch(/\./);
    const bad = await fetch(`${platform.url}/dev/login`, { method: 'POST', body: JSON.stringify({ openid: '{"$ne":null}' }) });
    expect(bad.status).toBe(400);
  });
});
