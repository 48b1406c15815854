/**
 * The one module that uploads photos. weapp: wx.cloud.uploadFile straight into CloudBase storage under the person's
 * own folder; local h5: POST /storage/upload on the host. Either way the result is CloudBase file ids.
 */
import Taro from '@tarojs/taro';
import { UPLOAD_MAX_BYTES, UPLOAD_TOO_LARGE, uploadPath } from '@/domain/files';
import { call, onUnauthenticated } from './cloud';
import { devToken } from './session';
import { CloudError, networkError } from './cloud-error';
import { randomToken } from './request-id';

// The folder is the person's opaque upload key (never the openid: file ids are shown to others).
let myUploadKey: Promise<string> | undefined;

async function uploadWeapp(filePath: string): Promise<string> {
  myUploadKey ??= call('user', 'me').then((me) => me.uploadKey);
  const ext = /\.(jpe?g|png|webp|gif)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
  const cloudPath = uploadPath(await myUploadKey, `${Date.now()}-${randomToken(8)}.${ext}`);
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
  return res.fileID;
}

async function uploadH5(filePath: string): Promise<string> {
  const blob = await (await fetch(filePath)).blob();
  const form = new FormData();
  form.append('file', blob, 'photo');
  const token = devToken();
  const res = await fetch('/storage/upload', { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const body = (await res.json().catch(() => null)) as { ok: boolean; data?: { fileID: string }; error?: { code: string; message: string } } | null;
  if (!body) throw networkError();
  if (!body.ok || !body.data) {
    const error = new CloudError(body.error?.code ?? 'INTERNAL', body.error?.message ?? '上传失败，请重试');
    if (error.code === 'UNAUTHENTICATED') onUnauthenticated(error.message);
    throw error;
  }
  return body.data.fileID;
}

/**
 * Lets the person pick up to `count` photos and uploads them; resolves with their file ids (empty if cancelled).
 * chooseMedia (chooseImage is deprecated) with WeChat's compression; a photo still over the cap refuses the whole
 * pick with a message the person can act on, before anything is uploaded.
 */
export async function chooseAndUploadImages({ count }: { count: number }): Promise<string[]> {
  let files: { tempFilePath: string; size: number }[];
  try {
    const chosen = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    files = chosen.tempFiles;
  } catch {
    return [];
  }
  if (files.some((file) => file.size > UPLOAD_MAX_BYTES)) throw new CloudError('INVALID_ARGUMENT', UPLOAD_TOO_LARGE);
  const paths = files.map((file) => file.tempFilePath);
  const upload = process.env.TARO_ENV === 'weapp' ? uploadWeapp : uploadH5;
  return Promise.all(paths.slice(0, count).map(upload));
}
