import busboy from 'busboy';
import { EmulatorError, EmulatorErrorCode } from '../errors';

/**
 * Parts of a multipart/form-data body: text fields as strings, parts sent as files as raw bytes. The SDK's
 * form-data library sends a Buffer value (wx.openApi's protobuf requestData) with Content-Type
 * application/octet-stream, which busboy hands over as a file, so the bytes arrive untouched.
 */
export function readMultipartParts(contentType: string, raw: Buffer, maxBytes = 20 * 1024 * 1024): Promise<Record<string, string | Buffer>> {
  return new Promise((resolve, reject) => {
    const parts: Record<string, string | Buffer> = {};
    const fail = (error: unknown) => reject(new EmulatorError(EmulatorErrorCode.invalidParam, `malformed multipart body: ${(error as Error).message}`));
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: { fileSize: maxBytes, fieldSize: maxBytes } });
    } catch (error) {
      fail(error);
      return;
    }
    const pending: Promise<void>[] = [];
    parser.on('field', (name, value) => {
      parts[name] = value;
    });
    parser.on('file', (name, stream) => {
      pending.push(
        new Promise((done) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            parts[name] = Buffer.concat(chunks);
            done();
          });
        }),
      );
    });
    parser.on('error', fail);
    parser.on('close', () => {
      Promise.all(pending).then(() => resolve(parts), fail);
    });
    parser.end(raw);
  });
}
