import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DatabaseEngine, type CollectionSpec, type DatabaseEngineOptions } from './database/engine';
import { loadCollectionSpecs } from './database/schema';
import { EmulatorError, EmulatorErrorCode } from './errors';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH, parseJsonBody, parseMultipart, readRawBody } from './http/read-body';
import { sendJson } from './http/send';
import { Metrics, tagOfSeqId } from './metrics';
import { verifySignature } from './protocol/signature';
import { assertSafeBinding, isLoopbackClient } from './safety';
import { COS_UPLOAD_PREFIX, handleCosPut } from './storage/cos-upload';
import { FileStore } from './storage/file-store';
import { handleStorageAction } from './storage/storage-actions';
import { cloudCallerOf } from './wx/cloud-call-token';
import { WxEmulator, type WxEmulatorOptions } from './wx/index';
import { loadMessagePushRoutes, type MessagePushRoute } from './wx/message-push';

/** Hands `functions.invokeFunction` to whoever runs the functions (the function host). */
export interface FunctionInvoker {
  invoke(request: { name: string; event: unknown; callerTag: string | null }): Promise<unknown>;
  /** Who is behind an invocation, so WeChat calls made from a function know their caller. */
  callerOf(tag: string): { openid?: string; appid?: string } | undefined;
  /** The deployed function folders, whose config.json declares each function's open APIs. */
  readonly functionsDir?: string;
}

export interface EmulatorOptions {
  /** A directory for the SQLite file and the outbox, or ':memory:'. */
  data: string;
  secretId: string;
  secretKey: string;
  envId: string;
  /** cloudbaserc.json with the `database.collections` declaration. */
  configFile?: string;
  /** Message push routes instead of cloudbaserc.json → messagePush (tests with their own functions). */
  messagePush?: MessagePushRoute[];
  /** Collections to declare instead of those in configFile (tests with their own collections). */
  collections?: CollectionSpec[];
  /** Options of the WeChat open-API emulator (test word lists, known pages and templates). */
  wx?: Omit<WxEmulatorOptions, 'outboxFile' | 'grantsFile'>;
  /** Transaction timing of the database engine (tests shorten the lock wait and the idle expiry). */
  database?: Pick<DatabaseEngineOptions, 'lockTimeoutMs' | 'transactionIdleTimeoutMs'>;
  now?: () => Date;
  /** Verify TC3 signatures (on by default; a test may turn it off to send raw requests). */
  verifySignatures?: boolean;
  /** Deployed function folders (for each function's declared open APIs) when no function host is attached. */
  functionsDir?: string;
}

export interface Emulator {
  readonly database: DatabaseEngine;
  readonly wx: WxEmulator;
  readonly metrics: Metrics;
  readonly files: FileStore;
  /** Handles /admin and /_emulator/* requests; returns false for anything else so a host can mount it. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  attachFunctionHost(invoker: FunctionInvoker): void;
  close(): void;
}

const newRequestId = () => randomBytes(12).toString('hex');

/** The appid of WeChat calls no function invocation is known to have made (scripts, tests, the dev UI). */
export const LOCAL_WX_APPID = 'wx-local-emulator';

export function createEmulator(options: EmulatorOptions): Emulator {
  const inMemory = options.data === ':memory:';
  if (!inMemory) fs.mkdirSync(options.data, { recursive: true });
  const now = options.now ?? (() => new Date());
  const database = new DatabaseEngine({ ...options.database, data: options.data, collections: options.collections ?? loadCollectionSpecs(options.configFile), now });
  const wx = new WxEmulator({
    ...options.wx,
    outboxFile: inMemory ? undefined : path.join(options.data, 'outbox.jsonl'),
    grantsFile: inMemory ? undefined : path.join(options.data, 'subscriptions.jsonl'),
  });
  const pushRoutes = options.messagePush ?? loadMessagePushRoutes(options.configFile);
  // WeChat's pushes reach the configured function as the platform's own invocation: no caller, no identity.
  wx.onPush(async (event) => {
    const route = pushRoutes.find((r) => r.msgType === event.MsgType && r.event === event.Event);
    if (!route || !functionHost) return;
    await functionHost.invoke({ name: route.functionName, event, callerTag: null });
  });
  const metrics = new Metrics();
  const files = new FileStore(options.envId, inMemory ? null : path.join(options.data, 'storage'));
  let functionHost: FunctionInvoker | undefined;
  const cosSigner = { secretId: options.secretId, secretKey: options.secretKey, now };

  async function dispatch(action: string, body: Record<string, unknown>, rawBody: Buffer, contentType: string, seqTag: string | null, publicBase: string) {
    if (action.startsWith('database.')) return database.handle(action, body);
    if (action.startsWith('storage.')) return handleStorageAction(action, body, files, publicBase, cosSigner);
    const caller = seqTag ? functionHost?.callerOf(seqTag) : undefined;
    const cloudCall = cloudCallerOf(body.wxCloudApiToken, options.secretKey, functionHost?.functionsDir ?? options.functionsDir);
    const wxContext = { openid: caller?.openid, appid: caller?.appid ?? LOCAL_WX_APPID, now, cloudCall };
    switch (action) {
      case 'wx.api':
        return wx.handleWxApi(body, wxContext);
      case 'wx.openApi':
        return wx.handleWxOpenApi({ contentType, rawBody, fields: body }, wxContext);
      case 'functions.invokeFunction':
        return invokeFunction(body, seqTag);
      default:
        throw new EmulatorError(EmulatorErrorCode.invalidAction, `action ${action || '(empty)'} is not supported by the local emulator`);
    }
  }

  async function invokeFunction(body: Record<string, unknown>, seqTag: string | null) {
    const name = body.function_name;
    if (typeof name !== 'string' || !name) throw new EmulatorError(EmulatorErrorCode.invalidParam, 'function_name is required');
    if (!functionHost) throw new EmulatorError(EmulatorErrorCode.functionNotFound, `no function host is attached, cannot run ${name}`);
    let event: unknown = {};
    if (typeof body.request_data === 'string' && body.request_data) {
      if (jsonNestsDeeperThan(body.request_data)) throw new EmulatorError(EmulatorErrorCode.invalidParam, `request_data is nested deeper than ${MAX_JSON_DEPTH} levels`);
      try {
        event = JSON.parse(body.request_data);
      } catch {
        throw new EmulatorError(EmulatorErrorCode.invalidParam, 'request_data is not valid JSON');
      }
    }
    const result = await functionHost.invoke({ name, event, callerTag: seqTag });
    return { data: { response_data: JSON.stringify(result ?? null) } };
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL) {
    const requestId = newRequestId();
    try {
      if (req.method !== 'POST') throw new EmulatorError(EmulatorErrorCode.invalidParam, `${req.method} is not supported, the SDK sends POST`, 405);
      const contentType = String(req.headers['content-type'] ?? '');
      const raw = await readRawBody(req);
      const body: Record<string, unknown> = contentType.startsWith('multipart/form-data') ? await parseMultipart(contentType, raw) : parseJsonBody(raw);
      if (options.verifySignatures !== false) {
        const absoluteUrl = `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? ''}`;
        verifySignature({ method: req.method, url: absoluteUrl, headers: req.headers, params: body }, options);
      }
      const action = typeof body.action === 'string' ? body.action : '';
      const seqId = url.searchParams.get('seqId');
      metrics.record(action, seqId);
      const result = await dispatch(action, body, raw, contentType, tagOfSeqId(seqId), `http://${req.headers.host ?? '127.0.0.1'}`);
      if (Buffer.isBuffer((result as { body?: unknown }).body) && typeof (result as { contentType?: unknown }).contentType === 'string') {
        const binary = result as { contentType: string; body: Buffer };
        res.writeHead(200, { 'content-type': binary.contentType, 'content-length': binary.body.length });
        res.end(binary.body);
        return;
      }
      sendJson(res, 200, { requestId, ...result });
    } catch (error) {
      if (error instanceof EmulatorError) {
        sendJson(res, error.httpStatus, { code: error.code, message: error.message, requestId });
        return;
      }
      console.error(`[emulator] ${requestId} unexpected error`, error);
      sendJson(res, 500, { code: EmulatorErrorCode.internal, message: 'emulator internal error, see its log', requestId });
    }
  }

  async function handleInternal(req: IncomingMessage, res: ServerResponse, url: URL) {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /_emulator/health':
        return sendJson(res, 200, { ok: true, envId: options.envId });
      case 'GET /_emulator/metrics': {
        const tag = url.searchParams.get('tag');
        return sendJson(res, 200, tag ? metrics.forTag(tag) : { ...metrics.summary(), database: database.stats() });
      }
      case 'POST /_emulator/metrics/reset':
        metrics.reset();
        return sendJson(res, 200, { ok: true });
      case 'GET /_emulator/outbox':
        return sendJson(res, 200, { messages: wx.outbox() });
      case 'GET /_emulator/subscriptions':
        return sendJson(res, 200, { grants: wx.subscriptions() });
      default:
        return sendJson(res, 404, { code: 'NOT_FOUND', message: `no emulator route ${route}` });
    }
  }

  return {
    database,
    wx,
    metrics,
    files,
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://emulator.local');
      // COS object keys are checked by the COS route, which answers in COS's own XML form (InvalidURI).
      if (!decodablePath(url.pathname) && !url.pathname.startsWith('/_cos/')) {
        // Every route of the local platform decodes its path; a malformed escape is the client's error, whatever the route.
        sendJson(res, 400, { code: 'INVALID_ARGUMENT', message: 'malformed percent-encoding in the request path' });
        return true;
      }
      if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) {
        await handleAdmin(req, res, url);
        return true;
      }
      if (req.method === 'GET' && url.pathname.startsWith('/_storage/')) {
        let cloudPath = '';
        try {
          cloudPath = decodeURIComponent(url.pathname.slice('/_storage/'.length));
        } catch {
          // A malformed escape names no file.
        }
        const file = cloudPath ? files.get(cloudPath) : null;
        if (!file) sendJson(res, 404, { code: 'STORAGE_FILE_NONEXIST', message: 'no such file' });
        else {
          res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length, 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' });
          res.end(file.body);
        }
        return true;
      }
      // The object key is taken from the path as sent: URL parsing would resolve dot segments before they are refused.
      const rawPath = (req.url ?? '/').split('?')[0];
      if (rawPath.startsWith(COS_UPLOAD_PREFIX)) {
        await handleCosPut(req, res, rawPath, files, cosSigner);
        return true;
      }
      if (url.pathname.startsWith('/_emulator/')) {
        // Inspection and reset are for whoever runs the emulator; health stays open for probes.
        if (url.pathname !== '/_emulator/health' && !isLoopbackClient(req)) {
          sendJson(res, 403, { code: 'FORBIDDEN', message: `${url.pathname} answers only to clients on this machine (loopback)` });
          return true;
        }
        await handleInternal(req, res, url);
        return true;
      }
      return false;
    },
    attachFunctionHost(invoker) {
      functionHost = invoker;
    },
    close() {
      wx.close();
      database.close();
    },
  };
}

export interface RunningEmulator {
  emulator: Emulator;
  server: http.Server;
  port: number;
  /** The serviceUrl for the SDK: http://127.0.0.1:PORT/admin */
  url: string;
  close(): Promise<void>;
}

/** Starts the emulator alone on its own port (npm run emulator, and tests). */
export async function startEmulator(options: EmulatorOptions & { port?: number; host?: string }): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  assertSafeBinding(host, options);
  const emulator = createEmulator(options);
  const server = http.createServer((req, res) => {
    emulator.handle(req, res).then(
      (handled) => {
        if (!handled) sendJson(res, 404, { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url}` });
      },
      (error) => {
        console.error('[emulator] unexpected error', error);
        if (!res.headersSent) sendJson(res, 500, { code: EmulatorErrorCode.internal, message: 'emulator internal error, see its log' });
      },
    );
  });
  // Longer than clients keep idle sockets (undici 4 s, the SDK's agent), so a client never reuses a socket the
  // server is closing; close() ends them all anyway.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    emulator,
    server,
    port,
    url: `http://${host}:${port}/admin`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          emulator.close();
          resolve();
        });
      }),
  };
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
