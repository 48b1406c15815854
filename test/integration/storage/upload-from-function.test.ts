import { buildFixtureFunctions } from '../../helpers/build-fixture-functions';
import { expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';

// A function on the host writes to storage with the real @cloudbase/node-sdk (getUploadMetadata + signed PUT).
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ functionsDir: buildFixtureFunctions(['export-writer']), functions: [{ name: 'export-writer', timeout: 10 }], seed: false });
}, 30_000);

afterAll(() => platform?.close());

it('uploads from a function and serves the file by its temp URL', async () => {
  const text = '社区,报到人数\n湖滨社区,12\n';
  const data = expectOk(await platform.call<{ fileID: string; url: string }>('export-writer', 'alice-openid', { cloudPath: 'exports/ledger-2026-03.csv', text }));
  expect(data.fileID).toBe('cloud://local-dev.local-bucket/exports/ledger-2026-03.csv');
  const served = await fetch(data.url);
  expect(served.status).toBe(200);
  expect(await served.text()).toBe(text);
});

it('answers INTERNAL, not a fileID, when the path is refused', async () => {
  const result = await platform.call('export-writer', 'alice-openid', { cloudPath: '../escape.csv', text: 'x' });
  expect(result.body).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
});
