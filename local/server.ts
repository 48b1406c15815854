import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createEmulator, type Emulator } from '../emulator/server';
import { functionEntry, readFunctionConfigs, type FunctionConfig } from '../emulator/function-host/function-config';
import { FunctionHost, InvocationFailure } from '../emulator/function-host/function-host';
import { checkDevToken, DEV_TOKEN_MESSAGES, issueDevToken, type DevSession } from './dev-token';
import { EmulatorError } from '../emulator/errors';
import { parseJsonBody, readRawBody } from '../emulator/http/read-body';
import { sendJson } from '../emulator/http/send';
import { serveStatic } from '../emulator/http/serve-static';
import { assertSafeBinding, isLoopbackClient } from '../emulator/safety';
import { PERSONAS } from './seed/personas';
import { localTemplateEnv, localTemplateKeys } from '../src/domain/notice-templates';
import { handleUpload } from './upload-route';
import { uploadKeyFor } from './upload-key';

/**
 * The local host of this app, beside the emulator (which knows nothing of the app): everything local on one port —
 * the CloudBase emulator (/admin, /_emulator/*), the function host (POST /fn/<name>), the local-only dev login and
 * subscription grants (/dev/*), the H5 upload route, and the H5 build (everything else).
 */
export interface LocalServerOptions {
  data: string;
  port?: number;
  host?: string;
  envId: string;
  secretId: string;
  secretKey: string;
  /** Root holding cloudbaserc.json; functions are read from <root>/dist/cloudfunctions unless functionsDir is given. */
  root: string;
  functionsDir?: string;
  /** Functions to serve; default: the `functions` section of cloudbaserc.json. */
  functions?: FunctionConfig[];
  /** The built H5 app to serve, if any. */
  h5Dir?: string;
  poolSize?: number;
  now?: () => Date;
  /** Fire the timer triggers declared in cloudbaserc.json once a minute (npm start); tests fire them by hand. */
  runTimers?: boolean;
  /** Lifetime of the dev tokens /dev/login issues (default 7 days). */
  devTokenTtlSeconds?: number;
  /** WeChat simulation settings beyond the local templates (e.g. the delay of the wxa_media_check push). */
  wx?: { mediaCheckDelayMs?: number };
}

export interface LocalServer {
  url: string;
  port: number;
  emulatorUrl: string;
  emulator: Emulator;
  host: FunctionHost;
  /** Invokes a function's timer trigger now, as the platform would. */
  fireTimer(fn: string, triggerName: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Locally every declared timer fires at this interval, whatever its cron: enough to see escalation happen. */
const LOCAL_TIMER_INTERVAL_MS = 60_000;

const ANONYMOUS = null;

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const listenHost = options.host ?? '127.0.0.1';
  assertSafeBinding(listenHost, options);
  const configFile = path.join(options.root, 'cloudbaserc.json');
  // The local platform knows the product's templates under their local ids, so a wrong id or key fails here as on WeChat.
  const emulator = createEmulator({ ...options, configFile, wx: { ...options.wx, templates: localTemplateKeys() } });
  // Locally the signing secret follows from the emulator's key unless one is given, so uploads and functions agree.
  const signingSecret = process.env.SIGNING_SECRET || `local-signing-${options.secretKey}`;
  let host: FunctionHost | undefined;

  const server = http.createServer((req, res) => {
    route(req, res).catch((error) => {
      console.error('[local] unexpected error', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '本地服务出错' } });
    });
  });
  // Longer than clients keep idle sockets (undici: 4 s), so a client never reuses a socket the server is closing.
  server.keepAliveTimeout = 65_000;

  async function route(req: IncomingMessage, res: ServerResponse) {
    if (await emulator.handle(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname.startsWith('/fn/')) return callFunction(req, res, decodeURIComponent(url.pathname.slice(4)));
    if (req.method === 'POST' && url.pathname === '/storage/upload') {
      const session = sessionOf(req);
      if (!session.ok) return envelopeError(res, 401, 'UNAUTHENTICATED', session.message);
      return handleUpload(req, res, uploadKeyFor(signingSecret, session.session.openid), emulator.files);
    }
    if (url.pathname.startsWith('/dev/') && !isLoopbackClient(req)) {
      // Anyone who can reach /dev/login can become any persona: only the person at this machine may.
      return sendJson(res, 403, { code: 'FORBIDDEN', message: '本地登录只接受本机访问' });
    }
    if (req.method === 'GET' && url.pathname === '/dev/personas') return sendJson(res, 200, { personas: PERSONAS });
    if (req.method === 'POST' && url.pathname === '/dev/login') return devLogin(req, res);
    if (req.method === 'POST' && url.pathname === '/dev/subscribe') return devSubscribe(req, res);
    if (req.method === 'GET' && options.h5Dir) return serveStatic(options.h5Dir, url.pathname, res);
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route ${req.method} ${url.pathname}` });
  }

  function sessionOf(req: IncomingMessage): { ok: true; session: DevSession } | { ok: false; message: string } {
    const authorization = req.headers.authorization ?? '';
    if (!authorization) return { ok: false, message: DEV_TOKEN_MESSAGES.missing };
    const check = authorization.startsWith('Bearer ') ? checkDevToken(authorization.slice(7), options.secretKey) : ({ ok: false, reason: 'invalid' } as const);
    return check.ok ? check : { ok: false, message: DEV_TOKEN_MESSAGES[check.reason] };
  }

  async function devLogin(req: IncomingMessage, res: ServerResponse) {
    let openid: unknown;
    try {
      openid = parseJsonBody(await readRawBody(req, 64 * 1024)).openid;
    } catch {
      return sendJson(res, 400, { code: 'INVALID_ARGUMENT', message: '请求体应为 JSON：{ "openid": "…" }' });
    }
    if (typeof openid !== 'string' || !/^[A-Za-z0-9_-]{3,64}$/.test(openid)) {
      return sendJson(res, 400, { code: 'INVALID_ARGUMENT', message: 'openid 应为 3–64 位字母、数字、- 或 _' });
    }
    sendJson(res, 200, { token: issueDevToken(openid, options.secretKey, Date.now(), options.devTokenTtlSeconds), openid });
  }

  /**
   * Local H5's stand-in for wx.requestSubscribeMessage: the templates the signed-in user allowed in the app's dialog
   * (`{ "tmplIds": [...] }`), one message each. Loopback only, like the dev login.
   */
  async function devSubscribe(req: IncomingMessage, res: ServerResponse) {
    const session = sessionOf(req);
    if (!session.ok) return envelopeError(res, 401, 'UNAUTHENTICATED', session.message);
    let tmplIds: unknown;
    try {
      tmplIds = parseJsonBody(await readRawBody(req, 64 * 1024)).tmplIds;
    } catch {
      return sendJson(res, 400, { code: 'INVALID_ARGUMENT', message: '请求体应为 JSON：{ "tmplIds": ["…"] }' });
    }
    const known = emulator.wx.knownTemplateIds();
    // wx.requestSubscribeMessage takes 1–3 ids per call and fails on an id the mini program does not have.
    if (!Array.isArray(tmplIds) || tmplIds.length < 1 || tmplIds.length > 3 || !tmplIds.every((id) => typeof id === 'string' && (!known || known.includes(id)))) {
      return sendJson(res, 400, { code: 'INVALID_ARGUMENT', message: `tmplIds 应为 1–3 个已配置的模板 id${known ? `（${known.join('、')}）` : ''}` });
    }
    for (const id of tmplIds as string[]) emulator.wx.grantSubscription(session.session.openid, id);
    sendJson(res, 200, { ok: true, data: Object.fromEntries((tmplIds as string[]).map((id) => [id, 'accept'])) });
  }

  async function callFunction(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST') return envelopeError(res, 405, 'INVALID_ARGUMENT', '请使用 POST 调用云函数');
    let caller: { openid: string } | null = ANONYMOUS;
    if (req.headers.authorization) {
      const session = sessionOf(req);
      if (!session.ok) return envelopeError(res, 401, 'UNAUTHENTICATED', session.message);
      caller = { openid: session.session.openid };
    }
    let event: Record<string, unknown>;
    try {
      event = parseJsonBody(await readRawBody(req, 8 * 1024 * 1024));
    } catch (error) {
      if (error instanceof EmulatorError && error.httpStatus === 413) return envelopeError(res, 413, 'INVALID_ARGUMENT', '请求内容过大');
      return envelopeError(res, 400, 'INVALID_ARGUMENT', '请求体应为 JSON 对象');
    }
    if (event.Type === 'Timer') return envelopeError(res, 403, 'FORBIDDEN', '定时任务只能由平台触发');
    try {
      const outcome = await (host as FunctionHost).run(name, event, caller);
      res.setHeader('x-invocation-id', outcome.invocationId);
      sendJson(res, 200, outcome.result);
    } catch (error) {
      if (error instanceof InvocationFailure && error.kind === 'not-found') return envelopeError(res, 404, 'NOT_FOUND', error.message);
      const message = error instanceof InvocationFailure && error.kind === 'timeout' ? '云函数执行超时，请稍后重试' : '云函数执行出错，请稍后重试';
      console.error(`[host] ${name} failed:`, (error as Error).message);
      envelopeError(res, 200, 'INTERNAL', message);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`;
  const emulatorUrl = `${base}/admin`;
  const functionsDir = options.functionsDir ?? path.join(options.root, 'dist', 'cloudfunctions');
  host = new FunctionHost({
    functionsDir,
    functions: (options.functions ?? readFunctionConfigs(configFile)).filter((f) => functionEntry(functionsDir, f) !== null),
    emulatorUrl,
    envId: options.envId,
    secretId: options.secretId,
    secretKey: options.secretKey,
    poolSize: options.poolSize,
    now: options.now,
    environment: localFunctionEnvironment(signingSecret),
  });
  emulator.attachFunctionHost(host);
  const functionHost = host;
  const fireTimer = async (fn: string, triggerName: string) =>
    (await functionHost.run(fn, { Type: 'Timer', TriggerName: triggerName, Time: (options.now?.() ?? new Date()).toISOString() }, null)).result;
  const timers = options.runTimers
    ? functionHost.timerTriggers().map(({ fn, triggerName }) =>
        setInterval(() => {
          fireTimer(fn, triggerName).catch((error) => console.error(`[host] timer ${fn}.${triggerName} failed:`, (error as Error).message));
        }, LOCAL_TIMER_INTERVAL_MS),
      )
    : [];

  return {
    url: base,
    port,
    emulatorUrl,
    emulator,
    host,
    fireTimer,
    async close() {
      for (const timer of timers) clearInterval(timer);
      // WeChat's pending image-check pushes first: one delivered while the host closes would find no function to run.
      emulator.wx.close();
      await host?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      emulator.close();
    },
  };
}

/**
 * What cloudbaserc.json's `{{env.NAME}}` renders from locally: this process's environment, with the template ids the
 * local platform knows (whatever a shell may hold for a deployment) and 报到码 for the develop version unless set.
 */
function localFunctionEnvironment(signingSecret: string): Record<string, string | undefined> {
  return { ...process.env, WXACODE_ENV_VERSION: process.env.WXACODE_ENV_VERSION || 'develop', SIGNING_SECRET: signingSecret, ...localTemplateEnv() };
}

function envelopeError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { ok: false, error: { code, message } });
}
