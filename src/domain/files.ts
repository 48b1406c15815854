import { z } from 'zod';

/**
 * Uploaded photos are CloudBase file ids: `cloud://<env>.<bucket>/uploads/<openid>/<name>`. The uploader's openid
 * is part of the path (storage rules in production only let a user write under their own folder), so a function can
 * tell whose file an id names before it stores it.
 */
const FILE_ID_PATTERN = /^cloud:\/\/[A-Za-z0-9._-]+\/uploads\/([A-Za-z0-9_-]{3,64})\/[A-Za-z0-9._-]{1,80}$/;

export const fileIdSchema = (label: string) => z.string({ error: `${label}编号必须是文本` }).regex(FILE_ID_PATTERN, `${label}编号无效，请重新上传`);

export const fileIdsSchema = (max: number, label = '照片') =>
  z.array(fileIdSchema(label), { error: `${label}必须是列表` }).max(max, `${label}最多 ${max} 张`);

/** The openid whose upload folder the file is in, or null for anything that is not an upload id. */
export function uploaderOf(fileId: string): string | null {
  return FILE_ID_PATTERN.exec(fileId)?.[1] ?? null;
}

/** Where a person's upload goes: the client picks the file name, the folder is always their own. */
export const uploadPath = (openid: string, fileName: string) => `uploads/${openid}/${fileName}`;

export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };
