import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { UPLOAD_IMAGE_TYPES, UPLOAD_MAX_BYTES, UPLOAD_TOO_LARGE, imageTypeOf, uploadPath } from '../src/domain/files';
import { sendJson } from '../emulator/http/send';
import type { FileStore } from '../emulator/storage/file-store';

/**
 * Local H5 stand-in for wx.cloud.uploadFile: `POST /storage/upload` (multipart, field `file`, an image) by a signed-in
 * person → `{ fileID }` under `uploads/<openid>/`. On weapp the client uploads to CloudBase storage directly.
 */
export function handleUpload(req: IncomingMessage, res: ServerResponse, uploadKey: string, files: FileStore): void {
  const contentType = String(req.headers['content-type'] ?? '');
  if (!contentType.startsWith('multipart/form-data')) {
    sendJson(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '请以 multipart/form-data 上传图片' } });
    return;
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: UPLOAD_MAX_BYTES } });
  } catch {
    sendJson(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '上传内容格式不正确' } });
    return;
  }
  let answered = false;
  const answer = (status: number, body: unknown) => {
    if (answered) return;
    answered = true;
    sendJson(res, status, body);
  };
  parser.on('file', (_field, stream, info) => {
    const ext = UPLOAD_IMAGE_TYPES[info.mimeType];
    if (!ext) {
      stream.resume();
      answer(400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '只能上传 JPG、PNG、WEBP 或 GIF 图片' } });
      return;
    }
    const parts: Buffer[] = [];
    stream.on('data', (d: Buffer) => parts.push(d));
    stream.on('limit', () => answer(413, { ok: false, error: { code: 'INVALID_ARGUMENT', message: UPLOAD_TOO_LARGE } }));
    stream.on('end', () => {
      if (answered) return;
      const body = Buffer.concat(parts);
      if (imageTypeOf(body) !== info.mimeType) {
        answer(400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '图片内容与格式不符，请重新选择照片' } });
        return;
      }
      const fileID = files.put(uploadPath(uploadKey, `${Date.now()}-${randomBytes(6).toString('hex')}.${ext}`), { body, contentType: info.mimeType });
      answer(200, { ok: true, data: { fileID } });
    });
  });
  parser.on('error', () => answer(400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '上传内容格式不正确' } }));
  parser.on('close', () => answer(400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: '没有收到图片' } }));
  req.pipe(parser);
}
