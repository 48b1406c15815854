import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatorError } from '../../../../../emulator/errors';
import { type WxContext, WxEmulator, type WxEmulatorOptions } from '../../../../../emulator/wx/index';
import { readMultipartParts } from '../../../../../emulator/wx/multipart';

/**
 * A stand-in for emulator/server.ts that only routes wx.api and wx.openApi, answering as CloudBase does:
 * HTTP 200 with `{ requestId, ...fields }`, `{ code, message, requestId }` for errors, raw bytes for wx.openApi.
 * It does not verify signatures. Swap it for the real server once that routes these actions.
 */
export interface WxTestServer {
  wx: WxEmulator;
  /** serviceUrl for tcb.init / TCB_CONTEXT_CNFG.URL */
  url: string;
  /** Every action received, to assert which transport an SDK method used. */
  actions: string[];
  close(): Promise<void>;
}

export const TEST_APPID = 'wx-test-appid';

export async function startWxTestServer(options: WxEmulatorOptions = {}, context: Partial<WxContext> = {}): Promise<WxTestServer> {
  const wx = new WxEmulator(options);
  const actions: string[] = [];
  const ctx: WxContext = { appid: TEST_APPID, now: () => new Date(), ...context };

  const server = http.createServer(async (req, res) => {
    const requestId = randomBytes(8).toString('hex');
    const sendJson = (body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const rawBody = Buffer.concat(chunks);
      const contentType = String(req.headers['content-type'] ?? '');
      if (contentType.startsWith('multipart/form-data')) {
        const fields = await readMultipartParts(contentType, rawBody);
        actions.push(String(fields.action));
        const reply = await wx.handleWxOpenApi({ contentType, rawBody, fields }, ctx);
        res.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.body.length });
        res.end(reply.body);
        return;
      }
      const body = JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>;
      actions.push(String(body.action));
      if (body.action !== 'wx.api') throw new EmulatorError('INVALID_ACTION', `test server only routes wx.api and wx.openApi, not ${String(body.action)}`);
      sendJson({ requestId, ...(await wx.handleWxApi(body, ctx)) });
    } catch (error) {
      if (error instanceof EmulatorError) sendJson({ code: error.code, message: error.message, requestId });
      else sendJson({ code: 'SYS_ERR', message: String(error), requestId });
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    wx,
    url: `http://127.0.0.1:${port}/admin`,
    actions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the 8-byte signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
