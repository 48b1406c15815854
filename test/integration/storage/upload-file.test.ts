import http from 'node:http';
import type { RunningEmulator } from '../../../emulator/server';
import { UPLOAD_METADATA_TTL_SECONDS } from '../../../emulator/storage/cos-upload';
import { sdkFor, startTestEmulator } from '../../helpers/emulator-sdk';

// uploadFile from a function, as @cloudbase/node-sdk does it: storage.getUploadMetadata, then a signed COS PUT.
let running: RunningEmulator;
let clock = new Date('2026-03-02T09:00:00+08:00');
let clockStep = 0;
let app: ReturnType<typeof sdkFor>;

beforeAll(async () => {
  running = await startTestEmulator(':memory:', {
    now: () => {
      clock = new Date(clock.getTime() + clockStep);
      return clock;
    },
  });
  app = sdkFor(running.url);
});

afterAll(() => running?.close());

interface Metadata {
  url: string;
  token: string;
  authorization: string;
  fileId: string;
  cosFileId: string;
}

async function metadataFor(cloudPath: string): Promise<Metadata> {
  return ((await app.getUploadMetadata({ cloudPath })) as unknown as { data: Metadata }).data;
}

function put(meta: Metadata, overrides: Record<string, string | undefined> = {}, url = meta.url) {
  const headers: Record<string, string> = {};
  const all: Record<string, string | undefined> = { authorization: meta.authorization, 'x-cos-security-token': meta.token, 'x-cos-meta-fileid': meta.cosFileId, ...overrides };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) headers[name] = value;
  return fetch(url, { method: 'PUT', headers, body: 'payload' });
}

function rawPut(requestPath: string, meta: Metadata): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: running.port, method: 'PUT', path: requestPath, headers: { authorization: meta.authorization, 'x-cos-security-token': meta.token, 'x-cos-meta-fileid': meta.cosFileId } },
      (res) => {
        let xml = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (xml += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, code: /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] }));
      },
    );
    req.on('error', reject);
    req.end('payload');
  });
}

async function cosError(res: Response) {
  const xml = await res.text();
  return { status: res.status, code: /<Code>([^<]*)<\/Code>/.exec(xml)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] };
}

describe('uploadFile through the real SDK', () => {
  it('stores the bytes under cloud://<env>.<bucket>/<path>, serves them by temp URL and deletes them', async () => {
    const content = Buffer.from('名字,电话\n张三,13800000000\n');
    const { fileID } = await app.uploadFile({ cloudPath: 'exports/台账/2026-03.csv', fileContent: content });
    expect(fileID).toBe('cloud://local-dev.local-bucket/exports/台账/2026-03.csv');

    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    expect(fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
    const served = await fetch(encodeURI(fileList[0].tempFileURL));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/csv');
    expect(Buffer.from(await served.arrayBuffer()).equals(content)).toBe(true);

    const deleted = await app.deleteFile({ fileList: [fileID] });
    expect(deleted.fileList).toEqual([{ fileID, code: 'SUCCESS' }]);
    expect((await app.getTempFileURL({ fileList: [fileID] })).fileList[0]).toMatchObject({ fileID, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' });
  });

  it('overwrites a file uploaded again to the same path', async () => {
    await app.uploadFile({ cloudPath: 'exports/same.txt', fileContent: Buffer.from('first') });
    const { fileID } = await app.uploadFile({ cloudPath: 'exports/same.txt', fileContent: Buffer.from('second') });
    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    expect(await (await fetch(fileList[0].tempFileURL)).text()).toBe('second');
  });

  it.each(['../outside.txt', 'a/../../b.txt', '/leading-slash.txt', 'a//b.txt', 'bad\\name.txt', 'star*.txt'])('refuses the cloud path %j with INVALID_PARAM', async (cloudPath) => {
    await expect(app.uploadFile({ cloudPath, fileContent: Buffer.from('x') })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});

describe('the signed PUT is checked as COS checks it', () => {
  it('accepts exactly what getUploadMetadata issued, with an empty 200', async () => {
    const meta = await metadataFor('checks/ok.txt');
    const res = await put(meta);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('refuses a PUT without authorization as AccessDenied', async () => {
    expect(await cosError(await put(await metadataFor('checks/a.txt'), { authorization: undefined }))).toMatchObject({ status: 403, code: 'AccessDenied' });
  });

  it('refuses a tampered signature and a signature for another key as SignatureDoesNotMatch', async () => {
    const meta = await metadataFor('checks/b.txt');
    const tampered = meta.authorization.replace(/q-signature=([0-9a-f])/, (_, c: string) => `q-signature=${c === '0' ? '1' : '0'}`);
    expect(await cosError(await put(meta, { authorization: tampered }))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const otherKey = meta.url.replace('checks/b.txt', 'checks/other.txt');
    expect(await cosError(await put(meta, {}, otherKey))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a missing or forged security token and a wrong x-cos-meta-fileid', async () => {
    const meta = await metadataFor('checks/c.txt');
    expect(await cosError(await put(meta, { 'x-cos-security-token': undefined }))).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    expect(await cosError(await put(meta, { 'x-cos-security-token': `${meta.token}x` }))).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    const another = await metadataFor('checks/other-c.txt');
    expect(await cosError(await put(meta, { 'x-cos-security-token': another.token }))).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(await cosError(await put(meta, { 'x-cos-meta-fileid': 'forged' }))).toMatchObject({ status: 403, code: 'AccessDenied' });
  });

  it('refuses a PUT after the metadata expired, with COS\'s "Request has expired"', async () => {
    const meta = await metadataFor('checks/late.txt');
    const issuedAt = clock;
    clock = new Date(issuedAt.getTime() + (UPLOAD_METADATA_TTL_SECONDS + 1) * 1000);
    try {
      expect(await cosError(await put(meta))).toEqual({ status: 403, code: 'AccessDenied', message: 'Request has expired' });
    } finally {
      clock = issuedAt;
    }
    const { fileList } = await app.getTempFileURL({ fileList: ['cloud://local-dev.local-bucket/checks/late.txt'] });
    expect(fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
  });

  it('refuses a path traversal in the upload URL as InvalidURI', async () => {
    const meta = await metadataFor('checks/d.txt');
    // fetch would normalise dot segments away; a raw request sends the path as written, as an attacker would.
    for (const key of ['../../escape.txt', '%2E%2E/%2E%2E/escape.txt', 'checks/%2E%2E/d.txt', 'checks%2F..%2Fd.txt', '%E0%A4%A']) {
      expect(await rawPut(`/_cos/${key}`, meta)).toMatchObject({ status: 400, code: 'InvalidURI' });
    }
  });

  it('turns a COS refusal into a TcbError in the SDK instead of a fileID', async () => {
    // Every reading of the clock jumps past the metadata's lifetime, so the SDK's own PUT arrives too late.
    const issuedAt = clock;
    clockStep = (UPLOAD_METADATA_TTL_SECONDS + 1) * 1000;
    try {
      await expect(app.uploadFile({ cloudPath: 'checks/slow.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({
        code: 'STORAGE_REQUEST_FAIL',
        message: expect.stringContaining('[AccessDenied]: Request has expired'),
      });
    } finally {
      clockStep = 0;
      clock = issuedAt;
    }
  });
});
