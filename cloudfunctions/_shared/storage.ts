import { invalidArgument } from '../../src/domain/errors';
import { uploaderOf } from '../../src/domain/files';
import { cloudApp } from './sdk';
import { uploadKeyOf } from './signing';

/** The one module that talks to CloudBase storage from functions. */

interface TempFile {
  fileID: string;
  tempFileURL: string;
  code: string;
}

async function tempFiles(fileIds: string[]): Promise<TempFile[]> {
  if (fileIds.length === 0) return [];
  const { fileList } = (await cloudApp().getTempFileURL({ fileList: fileIds })) as { fileList: TempFile[] };
  return fileList;
}

/**
 * Before storing photo ids: each must be an upload of this person that exists. A forged id, a missing file or
 * someone else's photo is refused as INVALID_ARGUMENT on `field`.
 */
export async function assertOwnUploads(openid: string, fileIds: string[], field = 'photos'): Promise<void> {
  const own = fileIds.length > 0 ? uploadKeyOf(openid) : '';
  const foreign = fileIds.findIndex((id) => uploaderOf(id) !== own);
  if (foreign >= 0) throw invalidArgument([{ field: `${field}.${foreign}`, message: '照片无效，请重新上传' }]);
  const files = await tempFiles(fileIds);
  const missing = fileIds.findIndex((id) => files.find((f) => f.fileID === id)?.code !== 'SUCCESS');
  if (missing >= 0) throw invalidArgument([{ field: `${field}.${missing}`, message: '照片不存在或已过期，请重新上传' }]);
}

/** Displayable URLs for stored photo ids (missing files are left out). */
export async function downloadUrls(fileIds: string[]): Promise<Record<string, string>> {
  const files = await tempFiles(fileIds);
  return Object.fromEntries(files.filter((f) => f.code === 'SUCCESS').map((f) => [f.fileID, f.tempFileURL]));
}
