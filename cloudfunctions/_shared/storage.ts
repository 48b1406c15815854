import { randomBytes } from 'node:crypto';
import { invalidArgument } from '../../src/domain/errors';
import { uploaderOf } from '../../src/domain/files';
import { MEDIA_CHECK_SCENES, type MediaCheckScene, type PhotoMark, photoAppearance } from '../../src/domain/media-check';
import { checkStatesOf, recordSubmittedCheck } from './repositories/media-check.repository';
import { cloudApp } from './sdk';
import { uploadKeyOf } from './signing';
import { callWxOpenApi } from './wx-openapi';

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
 * someone else's photo is refused as INVALID_ARGUMENT on `field`. Accepted photos are sent to WeChat's image check.
 */
export async function assertOwnUploads(openid: string, fileIds: string[], field = 'photos', scene: MediaCheckScene = MEDIA_CHECK_SCENES.forum): Promise<void> {
  const own = fileIds.length > 0 ? uploadKeyOf(openid) : '';
  const foreign = fileIds.findIndex((id) => uploaderOf(id) !== own);
  if (foreign >= 0) throw invalidArgument([{ field: `${field}.${foreign}`, message: '照片无效，请重新上传' }]);
  const files = await tempFiles(fileIds);
  const missing = fileIds.findIndex((id) => files.find((f) => f.fileID === id)?.code !== 'SUCCESS');
  if (missing >= 0) throw invalidArgument([{ field: `${field}.${missing}`, message: '照片不存在或已过期，请重新上传' }]);
  await submitMediaChecks(openid, files, scene);
}

/**
 * Each accepted photo goes to WeChat's asynchronous image check (one file per call, as the API takes it); the
 * verdict arrives later as the `wxa_media_check` push (cloudfunctions/user/handlers/media-check-push.handler.ts).
 * A call WeChat refuses or never answers leaves the photo in `review`: hidden from others until staff look, rather
 * than blocking the person or showing an unchecked photo.
 */
async function submitMediaChecks(openid: string, files: TempFile[], scene: MediaCheckScene): Promise<void> {
  const now = new Date();
  await Promise.all(
    files.map(async (file) => {
      let traceId: string | null = null;
      try {
        const answer = await callWxOpenApi('security.mediaCheckAsync', { media_url: file.tempFileURL, media_type: 2, version: 2, openid, scene });
        const body = answer.kind === 'json' ? answer.body : undefined;
        // WeChat's documentation says trace_id; some answers have been reported with traceId.
        const id = body && !body.errcode ? (body.trace_id ?? body.traceId) : undefined;
        if (typeof id === 'string' && id) traceId = id;
        else console.error('[media-check] mediaCheckAsync refused', body?.errcode, body?.errmsg);
      } catch (error) {
        console.error('[media-check] mediaCheckAsync failed', error);
      }
      await recordSubmittedCheck(file.fileID, traceId, traceId ? 'pending' : 'review', now);
    }),
  );
}

/** Who looks at the photos: their own uploads and staff duty widen what they see (src/domain/media-check.ts). */
export interface PhotoViewer {
  openid: string;
  isStaff: boolean;
}

/** The photos one viewer may see: fileId → URL, and the marks (URL → pending/risky) to show on some of them. */
export interface VisiblePhotos {
  urls: Record<string, string>;
  marks: Record<string, PhotoMark>;
}

/**
 * Displayable URLs of the stored photos `viewer` may see (missing files and photos not cleared for them are left
 * out), in two round trips whatever the number: the check states in one read, the URLs in one call.
 */
export async function visiblePhotos(fileIds: string[], viewer: PhotoViewer): Promise<VisiblePhotos> {
  if (fileIds.length === 0) return { urls: {}, marks: {} };
  const [states, files] = await Promise.all([checkStatesOf(fileIds), tempFiles(fileIds)]);
  const ownKey = viewer.openid ? uploadKeyOf(viewer.openid) : null;
  const urls: Record<string, string> = {};
  const marks: Record<string, PhotoMark> = {};
  for (const f of files) {
    if (f.code !== 'SUCCESS') continue;
    const appearance = photoAppearance(states.get(f.fileID), { isOwner: ownKey !== null && uploaderOf(f.fileID) === ownKey, isStaff: viewer.isStaff });
    if (!appearance.show) continue;
    urls[f.fileID] = f.tempFileURL;
    if (appearance.mark) marks[f.tempFileURL] = appearance.mark;
  }
  return { urls, marks };
}

/** For replies that show no photos (a write's answer before the photos are read again). */
export const NO_PHOTOS: VisiblePhotos = { urls: {}, marks: {} };

/** The marks of the URLs a view actually shows (the view sends no mark for a photo it left out). */
export const marksOf = (photos: VisiblePhotos, shown: string[]): Record<string, PhotoMark> =>
  Object.fromEntries(shown.flatMap((url) => (photos.marks[url] ? [[url, photos.marks[url]]] : [])));

/** URLs only, for views that show no marks. */
export async function visiblePhotoUrls(fileIds: string[], viewer: PhotoViewer): Promise<Record<string, string>> {
  return (await visiblePhotos(fileIds, viewer)).urls;
}

/** Generated files (ledger exports) live under an opaque per-person folder: a file id never carries an openid. */
export async function uploadExport(openid: string, fileName: string, content: Buffer): Promise<{ fileId: string; url: string }> {
  const cloudPath = `exports/${uploadKeyOf(openid)}/${Date.now().toString(36)}-${randomBytes(4).toString('hex')}-${fileName}`;
  const { fileID } = (await cloudApp().uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  const [file] = await tempFiles([fileID]);
  if (file?.code !== 'SUCCESS') throw new Error(`export upload not readable: ${file?.code ?? 'none'}`);
  return { fileId: fileID, url: file.tempFileURL };
}

/** Removes stored files (photos of a withdrawn person, expired exports); missing ones are no error. */
export async function deleteFiles(fileIds: string[]): Promise<void> {
  for (let i = 0; i < fileIds.length; i += 50) {
    const batch = fileIds.slice(i, i + 50);
    if (batch.length > 0) await cloudApp().deleteFile({ fileList: batch });
  }
}
