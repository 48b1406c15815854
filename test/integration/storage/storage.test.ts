import { buildFixtureFunctions } from '../../helpers/build-fixture-functions';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';

let platform: TestPlatform;
const clock = new Date('2026-03-02T09:00:00+08:00');

// 1×1 transparent PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

beforeAll(async () => {
  platform = await startTestPlatform({
    functionsDir: buildFixtureFunctions(['photo-check']),
    functions: [{ name: 'photo-check', timeout: 5, envVariables: { SIGNING_SECRET: '{{env.SIGNING_SECRET}}' }, triggers: [{ name: 'tick', type: 'timer', config: '0 * * * * * *' }] }],
    seed: false,
    now: () => clock,
  });
}, 30_000);

afterAll(() => platform?.close());

async function upload(openid: string | null, body: Buffer, type: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)], { type }), 'photo');
  const headers: Record<string, string> = openid ? { authorization: `Bearer ${await platform.login(openid)}` } : {};
  const res = await fetch(`${platform.url}/storage/upload`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: { fileID: string }; error?: { code: string; message: string } } };
}

describe('uploads', () => {
  it("stores an image in the uploader's own opaque folder and serves it back", async () => {
    const { status, body } = await upload('alice-openid', PNG, 'image/png');
    expect(status).toBe(200);
    // The folder names no one: file ids are shown to others.
    expect(body.data?.fileID).toMatch(/^cloud:\/\/local-dev\.local-bucket\/uploads\/u[A-Za-z0-9]{24}\/[\w.-]+\.png$/);
    expect(body.data?.fileID).not.toContain('alice');
    const { urls } = expectOk(await platform.call<{ urls: Record<string, string> }>('photo-check', 'alice-openid', { action: 'attach', photos: [body.data!.fileID] }));
    const served = await fetch(urls[body.data!.fileID]);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses an anonymous upload and a file that is not an image', async () => {
    expect((await upload(null, PNG, 'image/png')).status).toBe(401);
    const notImage = await upload('alice-openid', Buffer.from('#!/bin/sh'), 'text/x-shellscript');
    expect(notImage.status).toBe(400);
    expect(notImage.body.error?.message).toContain('只能上传');
  });
});

describe('assertOwnUploads', () => {
  it("refuses someone else's photo, a forged id and a missing file as INVALID_ARGUMENT naming the photo", async () => {
    const bobs = (await upload('bob-openid', PNG, 'image/png')).body.data!.fileID;
    const others = errorOf(await platform.call('photo-check', 'alice-openid', { action: 'attach', photos: [bobs] }));
    expect(others).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ field: 'photos.0', message: '照片无效，请重新上传' }] } });

    const forged = errorOf(await platform.call('photo-check', 'alice-openid', { action: 'attach', photos: ['{"$ne":null}'] }));
    expect(forged.code).toBe('INVALID_ARGUMENT');

    // The openid as the folder (the old layout) is not the person's folder.
    const byOpenid = errorOf(await platform.call('photo-check', 'alice-openid', { action: 'attach', photos: ['cloud://local-dev.local-bucket/uploads/alice-openid/x.png'] }));
    expect(byOpenid).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ field: 'photos.0', message: '照片无效，请重新上传' }] } });

    const alicesFolder = (await upload('alice-openid', PNG, 'image/png')).body.data!.fileID.replace(/[^/]+$/, '');
    const missing = errorOf(await platform.call('photo-check', 'alice-openid', { action: 'attach', photos: [`${alicesFolder}never-uploaded.png`] }));
    expect(missing).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues: [{ field: 'photos.0', message: '照片不存在或已过期，请重新上传' }] } });
  });
});

describe('timer triggers', () => {
  it('runs a declared timer with the platform clock and no caller', async () => {
    expect(await platform.fireTimer('photo-check', 'tick')).toEqual({ ok: true, data: { tickedAt: clock.toISOString(), trigger: 'tick' } });
  });

  it('refuses a timer event sent by a client', async () => {
    const result = await platform.call('photo-check', 'mallory-openid', { Type: 'Timer', TriggerName: 'tick' });
    expect(result.status).toBe(403);
    expect(errorOf(result).code).toBe('FORBIDDEN');
  });
});
