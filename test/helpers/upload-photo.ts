import type { TestPlatform } from './local-platform';

/** Uploads a 1×1 PNG as `openid` through the host, like the H5 app does; returns its file id. */
export async function uploadPhoto(platform: TestPlatform, openid: string): Promise<string> {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
  const token = await platform.login(openid);
  const res = await fetch(`${platform.url}/storage/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ok: boolean; data: { fileID: string } };
  if (!body.ok) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.data.fileID;
}
