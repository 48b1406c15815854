import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { EmulatorError, EmulatorErrorCode } from '../errors';

/** Large enough for photos sent through wx.openApi; a bigger body is refused rather than buffered. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new EmulatorError(EmulatorErrorCode.invalidParam, `request body exceeds ${limit} bytes`, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * How deep any JSON the local platform reads may nest. Deeper values overflow the stack of whatever walks
 * them next (a structured clone to a function worker, EJSON decoding), so they are refused before parsing.
 * Far above what a real request needs, and above MongoDB's 100 levels for a document.
 */
export const MAX_JSON_DEPTH = 128;

/** Whether `text` (JSON) nests objects and arrays more than `max` deep; one pass, without parsing. */
export function jsonNestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

export function parseJsonBody(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (jsonNestsDeeperThan(text)) throw new EmulatorError(EmulatorErrorCode.invalidParam, `malformed JSON body: nested deeper than ${MAX_JSON_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EmulatorError(EmulatorErrorCode.invalidParam, `malformed JSON body: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new EmulatorError(EmulatorErrorCode.invalidParam, 'request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Multipart fields as the client signed them: text fields as strings, file parts as Buffers. */
export function parseMultipart(contentType: string, raw: Buffer): Promise<Record<string, string | Buffer>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string | Buffer> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: { fieldSize: MAX_BODY_BYTES } });
    } catch (error) {
      reject(new EmulatorError(EmulatorErrorCode.invalidParam, `malformed multipart body: ${(error as Error).message}`));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const parts: Buffer[] = [];
      stream.on('data', (d: Buffer) => parts.push(d));
      stream.on('end', () => {
        fields[name] = Buffer.concat(parts);
      });
    });
    parser.on('error', (error) => reject(new EmulatorError(EmulatorErrorCode.invalidParam, `malformed multipart body: ${(error as Error).message}`)));
    parser.on('close', () => resolve(fields));
    parser.end(raw);
  });
}
