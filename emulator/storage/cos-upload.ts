import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError, EmulatorErrorCode } from '../errors';
import { readRawBody } from '../http/read-body';
import { isSafeCloudPath, type FileStore } from './file-store';

/**
 * The two steps of `uploadFile` from a function (@cloudbase/node-sdk and wx-server-sdk alike):
 * `storage.getUploadMetadata` hands out a COS-style signed PUT (url, authorization, a temporary-credential token and
 * the cosFileId to echo in `x-cos-meta-fileid`), then the SDK PUTs the bytes to that url. The PUT is checked the way
 * COS checks it: a q-sign-* authorization over method and object key, valid only inside its key time, with the token
 * issued with it. Errors are COS's XML `<Error>` documents, which the SDK parses into STORAGE_REQUEST_FAIL / SYS_ERR.
 */

/** The route the upload url points at; the object key follows it. */
export const COS_UPLOAD_PREFIX = '/_cos/';
/** How long a signed upload stays usable. */
export const UPLOAD_METADATA_TTL_SECONDS = 600;
/** COS takes up to 5 GB in one PUT; locally anything over this is refused rather than buffered (EntityTooLarge). */
export const COS_PUT_MAX_BYTES = 50 * 1024 * 1024;

export interface CosSigner {
  secretId: string;
  secretKey: string;
  now: () => Date;
}

export interface UploadMetadata {
  url: string;
  token: string;
  authorization: string;
  fileId: string;
  cosFileId: string;
  download_url: string;
}

const hmacHex = (algorithm: 'sha1' | 'sha256', key: string, text: string) => createHmac(algorithm, key).update(text).digest('hex');
const sha1Hex = (text: string) => createHash('sha1').update(text).digest('hex');

/** COS request signature v5 with no signed headers or url parameters, over `put /<key>`. */
function cosSignature(secretKey: string, keyTime: string, objectKey: string): string {
  const httpString = `put\n/${objectKey}\n\n\n`;
  const stringToSign = `sha1\n${keyTime}\n${sha1Hex(httpString)}\n`;
  return hmacHex('sha1', hmacHex('sha1', secretKey, keyTime), stringToSign);
}

/** The temporary-credential token binds the key it was issued for and its expiry. */
function tokenFor(signer: CosSigner, objectKey: string, expiresAt: number, nonce: string): string {
  const payload = Buffer.from(JSON.stringify({ k: objectKey, e: expiresAt, n: nonce })).toString('base64url');
  return `${payload}.${createHmac('sha256', signer.secretKey).update(`token:${payload}`).digest('base64url')}`;
}

const cosFileIdFor = (signer: CosSigner, token: string) => createHmac('sha256', signer.secretKey).update(`cosFileId:${token}`).digest('base64');

const encodeKey = (objectKey: string) => objectKey.split('/').map(encodeURIComponent).join('/');

export function issueUploadMetadata(body: Record<string, unknown>, files: FileStore, publicBase: string, signer: CosSigner): { data: UploadMetadata } {
  const cloudPath = body.path;
  if (typeof cloudPath !== 'string' || !cloudPath) throw new EmulatorError(EmulatorErrorCode.invalidParam, 'path is required');
  if (!isSafeCloudPath(cloudPath)) {
    throw new EmulatorError(
      EmulatorErrorCode.invalidParam,
      `cloudPath ${JSON.stringify(cloudPath)} is invalid: use letters, digits, Chinese, and ! - _ . separated by single /, with no leading /, no . or .. segments, at most 850 bytes`,
    );
  }
  if (body.method !== undefined && body.method !== 'put' && body.method !== 'post') throw new EmulatorError(EmulatorErrorCode.invalidParam, 'method must be put or post');
  const start = Math.floor(signer.now().getTime() / 1000);
  const end = start + UPLOAD_METADATA_TTL_SECONDS;
  const keyTime = `${start};${end}`;
  const token = tokenFor(signer, cloudPath, end, randomBytes(6).toString('hex'));
  return {
    data: {
      url: `${publicBase}${COS_UPLOAD_PREFIX}${encodeKey(cloudPath)}`,
      token,
      authorization: `q-sign-algorithm=sha1&q-ak=${signer.secretId}&q-sign-time=${keyTime}&q-key-time=${keyTime}&q-header-list=&q-url-param-list=&q-signature=${cosSignature(signer.secretKey, keyTime, cloudPath)}`,
      fileId: files.fileIdOf(cloudPath),
      cosFileId: cosFileIdFor(signer, token),
      download_url: `${publicBase}/_storage/${encodeKey(cloudPath)}`,
    },
  };
}

class CosError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Checks a PUT against what getUploadMetadata issued; throws the CosError COS would answer with. */
export function verifyCosPut(objectKey: string, headers: IncomingMessage['headers'], signer: CosSigner): void {
  const authorization = headers.authorization;
  if (typeof authorization !== 'string' || !authorization) throw new CosError(403, 'AccessDenied', 'Access Denied.');
  const fields = new URLSearchParams(authorization);
  const signTime = fields.get('q-sign-time') ?? '';
  const keyTime = fields.get('q-key-time') ?? '';
  const signature = fields.get('q-signature') ?? '';
  const times = /^(\d{1,12});(\d{1,12})$/.exec(keyTime);
  if (fields.get('q-sign-algorithm') !== 'sha1' || !times || signTime !== keyTime || !/^[0-9a-f]{40}$/.test(signature)) {
    throw new CosError(400, 'InvalidArgument', 'The authorization is malformed.');
  }
  if (fields.get('q-ak') !== signer.secretId) throw new CosError(403, 'InvalidAccessKeyId', 'The Access Key Id you provided does not exist in our records.');
  if (!sameText(signature, cosSignature(signer.secretKey, keyTime, objectKey))) {
    throw new CosError(403, 'SignatureDoesNotMatch', 'The Signature you specified is invalid.');
  }
  const nowSeconds = Math.floor(signer.now().getTime() / 1000);
  if (nowSeconds < Number(times[1]) || nowSeconds > Number(times[2])) throw new CosError(403, 'AccessDenied', 'Request has expired');

  const token = headers['x-cos-security-token'];
  const [payload, mac, extra] = typeof token === 'string' ? token.split('.') : [];
  const expectedMac = payload ? createHmac('sha256', signer.secretKey).update(`token:${payload}`).digest('base64url') : '';
  if (!payload || !mac || extra !== undefined || !sameText(mac, expectedMac)) {
    throw new CosError(403, 'InvalidAccessKeyId', 'The x-cos-security-token you provided is invalid.');
  }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k: string; e: number };
  if (claims.k !== objectKey) throw new CosError(403, 'AccessDenied', 'Access Denied.');
  if (nowSeconds > claims.e) throw new CosError(403, 'AccessDenied', 'Request has expired');
  if (headers['x-cos-meta-fileid'] !== cosFileIdFor(signer, token as string)) throw new CosError(403, 'AccessDenied', 'Access Denied.');
}

/** `PUT /_cos/<key>`: the upload itself. Answers 200 with an empty body, as COS does, or COS's XML error. */
export async function handleCosPut(req: IncomingMessage, res: ServerResponse, pathname: string, files: FileStore, signer: CosSigner): Promise<void> {
  const requestId = randomBytes(12).toString('hex');
  let objectKey = '';
  try {
    if (req.method !== 'PUT') throw new CosError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    try {
      objectKey = decodeURIComponent(pathname.slice(COS_UPLOAD_PREFIX.length));
    } catch {
      throw new CosError(400, 'InvalidURI', "Couldn't parse the specified URI.");
    }
    if (!isSafeCloudPath(objectKey)) throw new CosError(400, 'InvalidURI', "Couldn't parse the specified URI.");
    verifyCosPut(objectKey, req.headers, signer);
    let body: Buffer;
    try {
      body = await readRawBody(req, COS_PUT_MAX_BYTES);
    } catch {
      throw new CosError(400, 'EntityTooLarge', `Your proposed upload exceeds the local limit of ${COS_PUT_MAX_BYTES} bytes.`);
    }
    const declared = req.headers['content-type'];
    files.put(objectKey, { body, contentType: typeof declared === 'string' && declared ? declared : contentTypeOf(objectKey) });
    res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"`, 'x-cos-request-id': requestId, 'content-length': 0 });
    res.end();
  } catch (error) {
    const cos = error instanceof CosError ? error : new CosError(500, 'InternalError', 'We encountered an internal error. Please try again.');
    if (!(error instanceof CosError)) console.error(`[emulator] ${requestId} upload failed`, error);
    const xml =
      `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>${cos.code}</Code>\n\t<Message>${escapeXml(cos.message)}</Message>\n` +
      `\t<Resource>/${escapeXml(objectKey)}</Resource>\n\t<RequestId>${requestId}</RequestId>\n\t<TraceId>${requestId}</TraceId>\n</Error>`;
    // The body may still be arriving; drain it so the client reads the answer instead of a reset connection.
    req.resume();
    res.writeHead(cos.status, { 'content-type': 'application/xml', 'x-cos-request-id': requestId, 'content-length': Buffer.byteLength(xml) });
    res.end(xml);
  }
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** COS keeps the Content-Type a PUT declares; the SDKs declare none, so infer the common ones from the extension. */
const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function contentTypeOf(objectKey: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(objectKey)?.[1]?.toLowerCase();
  return (ext && TYPES[ext]) || 'application/octet-stream';
}
