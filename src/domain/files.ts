import { z } from 'zod';

/**
 * Uploaded photos are CloudBase file ids: `cloud://<env>.<bucket>/uploads/<uploadKey>/<name>`. The folder is the
 * uploader's upload key — derived from their openid with a server secret (`uploadKeyOf` in
 * cloudfunctions/_shared/signing.ts), never the openid itself, since file ids are shown to others — so a function
 * can tell whose file an id names before it stores it, and nobody can name someone else's folder from their openid.
 */
const FILE_ID_PATTERN = /^cloud:\/\/[A-Za-z0-9._-]+\/uploads\/([A-Za-z0-9_-]{3,64})\/[A-Za-z0-9._-]{1,80}$/;

export const fileIdSchema = (label: string) => z.string({ error: `${label}编号必须是文本` }).regex(FILE_ID_PATTERN, `${label}编号无效，请重新上传`);

export const fileIdsSchema = (max: number, label = '照片') =>
  z.array(fileIdSchema(label), { error: `${label}必须是列表` }).max(max, `${label}最多 ${max} 张`);

/** The upload key whose folder the file is in, or null for anything that is not an upload id. */
export function uploaderOf(fileId: string): string | null {
  return FILE_ID_PATTERN.exec(fileId)?.[1] ?? null;
}

/** Where a person's upload goes: the client picks the file name, the folder is always their own upload key. */
export const uploadPath = (uploadKey: string, fileName: string) => `uploads/${uploadKey}/${fileName}`;

/** One photo's size cap: the app refuses a larger pick before uploading, the local upload route refuses it too. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TOO_LARGE = '照片不能超过 5 MB';
export const UPLOAD_IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

const startsWith = (bytes: Uint8Array, offset: number, signature: number[]) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The image type the bytes really are (by their magic number), or null. An upload is stored only when this equals
 * the type it claims, so a script or HTML page cannot be served back under an image's name.
 */
export function imageTypeOf(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 0, ascii('GIF87a')) || startsWith(bytes, 0, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) return 'image/webp';
  return null;
}
