import http from 'node:http';
import { buildFixtureFunctions } from '../../helpers/build-fixture-functions';
import { expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';

/** The local platform's HTTP layer against a hostile client: each bad request gets a clear answer and the next is served. */
let platform: TestPlatform;

// 1×1 transparent PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

beforeAll(async () => {
  platform = await startTestPlatform({ functionsDir: buildFixtureFunctions(['whoami']), seed: false, poolSize: 1, functions: [{ name: 'whoami', timeout: 5 }] });
}, 30_000);

afterAll(() => platform?.close());

/** A raw POST that keeps sending until the server answers or closes; resolves with the status or the socket error. */
function postHuge(path: string, bytes: number): Promise<{ status?: number; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const url = new URL(path, platform.url);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': bytes } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, connection: String(res.headers.connection ?? '') }));
    });
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

it('answers a body over the limit with 413 and closes that connection; the next request is served', async () => {
  const reply = await postHuge('/fn/whoami', 24 * 1024 * 1024);
  // Either the 413 arrives before the close, or the client sees the close while still sending: never a hang or a crash.
  if (reply.status !== undefined) {
    expect(reply.status).toBe(413);
    expect(reply.connection).toBe('close');
  } else expect(['EPIPE', 'ECONNRESET']).toContain(reply.error);
  expect(expectOk(await platform.call('whoami', 'after-huge-openid', {}))).toMatchObject({ openid: 'after-huge-openid' });
}, 30_000);

it.each(['/fn/%E0%A4%A', '/_storage/%ZZ', '/admin/%', '/storage/upload%', '/dev/personas%C0', '/anything/%'])('answers a malformed escape in %s with 400', async (path) => {
  const res = await fetch(`${platform.url}${path}`, { method: path.startsWith('/fn') ? 'POST' : 'GET' });
  expect(res.status).toBe(400);
});

async function upload(body: Buffer, type: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)], { type }), 'photo');
  const res = await fetch(`${platform.url}/storage/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await platform.login('alice-openid')}` } });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: { fileID: string }; error?: { code: string; message: string } } };
}

it('refuses an upload whose bytes are not the image type it claims', async () => {
  const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
  expect(html.status).toBe(400);
  expect(html.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('图片') });
  const pngAsJpeg = await upload(PNG, 'image/jpeg');
  expect(pngAsJpeg.status).toBe(400);
  expect((await upload(PNG, 'image/png')).status).toBe(200);
});

it('serves stored files with X-Content-Type-Options: nosniff', async () => {
  const { body } = await upload(PNG, 'image/png');
  const cloudPath = body.data!.fileID.replace(/^cloud:\/\/[^/]+\//, '');
  const served = await fetch(`${platform.url}/_storage/${cloudPath}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('x-content-type-options')).toBe('nosniff');
});
