import path from 'node:path';
import { ROOT, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';

// Plain CloudBase Node function folders (unbundled, their own node_modules, a handler setting) run as CloudBase runs them.
const PLAIN_FUNCTIONS = path.join(ROOT, 'test', 'fixtures', 'plain-functions');
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({
    functionsDir: PLAIN_FUNCTIONS,
    functions: [
      { name: 'local-dep', timeout: 5, handler: 'app.handle' },
      { name: 'wx-plain', timeout: 10 },
      { name: 'wrong-handler', timeout: 5, handler: 'missing.main' },
    ],
    seed: false,
  });
}, 30_000);

afterAll(() => platform?.close());

async function raw(fn: string, openid: string | null, payload: Record<string, unknown>) {
  return (await platform.call(fn, openid, payload)).body as unknown;
}

describe('a plain function folder', () => {
  it("runs the handler's file and export with the folder's own node_modules, CloudBase's environment and context", async () => {
    const result = (await platform.call('local-dep', 'alice-openid', { name: '张三' })) as { body: unknown; invocationId: string };
    expect(result.body).toEqual({
      greeting: '你好，张三',
      env: { TCB_ENV: 'local-dev', SCF_NAMESPACE: 'local-dev', SCF_FUNCTIONNAME: 'local-dep', TENCENTCLOUD_RUNENV: 'SCF', hasSecret: true },
      context: {
        request_id: result.invocationId,
        function_name: 'local-dep',
        function_version: '$LATEST',
        namespace: 'local-dev',
        environment: expect.objectContaining({ TCB_ENV: 'local-dev', SCF_FUNCTIONNAME: 'local-dep', WX_OPENID: 'alice-openid' }),
      },
    });
  });

  it("gives wx-server-sdk's getWXContext the caller and lets it use the database and storage", async () => {
    expect(await raw('wx-plain', 'bob-openid', {})).toEqual({ openid: 'bob-openid', appid: 'wx-local-emulator', env: 'local-dev', usersOfMine: 0 });
    const uploaded = (await raw('wx-plain', 'bob-openid', { upload: '备忘' })) as { fileID: string; url: string };
    expect(uploaded.fileID).toBe('cloud://local-dev.local-bucket/exports/bob-openid/note.txt');
    expect(await (await fetch(uploaded.url)).text()).toBe('备忘');
  });

  it('does not serve a function whose handler names a file the folder lacks', async () => {
    expect((await platform.call('wrong-handler', 'alice-openid', {})).status).toBe(404);
  });
});
