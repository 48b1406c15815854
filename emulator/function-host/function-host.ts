import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { FunctionInvoker } from '../server';
import { mintWxApiToken } from '../wx/cloud-call-token';
import { functionEntry, renderEnvVariables, type FunctionConfig } from './function-config';
import type { InvokeMessage, ResultMessage } from './worker-protocol';

/**
 * Runs function folders (this project's bundles in dist/cloudfunctions/<name>/, or any plain CloudBase Node function
 * folder: the file and export its `handler` names, its own node_modules) in a pool of worker threads, one invocation
 * at a time per worker, each with its caller in the environment @cloudbase/node-sdk reads — as a CloudBase
 * instance does. A crash or a timeout answers INTERNAL and replaces the worker; the host keeps serving.
 */
export interface FunctionHostOptions {
  functionsDir: string;
  functions: FunctionConfig[];
  /** The emulator's serviceUrl, e.g. http://127.0.0.1:PORT/admin */
  emulatorUrl: string;
  envId: string;
  secretId: string;
  secretKey: string;
  poolSize?: number;
  appid?: string;
  /** A fake clock for domain time rules; passed to functions as FAKE_NOW. */
  now?: () => Date;
  /**
   * What `{{env.NAME}}` in each function's `envVariables` (cloudbaserc.json) renders from, as a deployment would
   * (default: this process's environment). Nothing else of this process reaches the functions.
   */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Where the variables that render empty are named, once at start (default: console.warn). */
  warn?: (message: string) => void;
}

export interface Caller {
  openid: string;
  appid?: string;
  /**
   * A CloudBase (web SDK) login rather than WeChat's: its uid, custom-login user id and whether the login is
   * anonymous, as CloudBase passes them in TCB_UUID / TCB_CUSTOM_USER_ID / TCB_ISANONYMOUS_USER.
   */
  uid?: string;
  customUserId?: string;
  isAnonymous?: boolean;
}

export interface InvocationOutcome {
  invocationId: string;
  result: unknown;
  durationMs: number;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Task {
  message: Omit<InvokeMessage, 'id' | 'type'>;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class InvocationFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'crash' | 'error' | 'not-found',
    message: string,
  ) {
    super(message);
  }
}

const WORKER_SOURCE = path.join(__dirname, 'function-worker.ts');
const MAX_CALLERS_REMEMBERED = 10_000;

/** The worker must be plain JavaScript for worker_threads; bundle it once per process. */
function workerScript(): string {
  const out = path.join(process.cwd(), 'dist', 'host', 'function-worker.js');
  if (!fs.existsSync(WORKER_SOURCE)) return path.join(__dirname, 'function-worker.js');
  buildSync({ entryPoints: [WORKER_SOURCE], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' });
  return out;
}

export class FunctionHost implements FunctionInvoker {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly callers = new Map<string, Caller>();
  private readonly configs: Map<string, FunctionConfig>;
  private readonly variables: Map<string, Record<string, string>>;
  private readonly script: string;
  private nextId = 1;
  private closed = false;

  /** FunctionInvoker: where the emulator reads each function's declared open APIs. */
  get functionsDir(): string {
    return this.options.functionsDir;
  }

  constructor(private readonly options: FunctionHostOptions) {
    this.configs = new Map(options.functions.map((f) => [f.name, f]));
    const rendered = renderEnvVariables(options.functions, options.environment ?? process.env);
    this.variables = rendered.variables;
    if (rendered.empty.length > 0) {
      (options.warn ?? console.warn)(
        `[host] cloudbaserc.json envVariables that render empty, left unset as a deployment without them would leave them: ${rendered.empty.join(', ')}`,
      );
    }
    this.script = workerScript();
    const size = options.poolSize ?? 4;
    for (let i = 0; i < size; i += 1) this.slots.push({ worker: this.spawn(), busy: false });
  }

  /** Runs a function as `caller` (or anonymously) and resolves with what its main returned. */
  async run(name: string, event: unknown, caller: Caller | null, callerTag?: string | null): Promise<InvocationOutcome> {
    const config = this.configs.get(name);
    const entry = config ? functionEntry(this.options.functionsDir, config) : null;
    if (!config || !entry) throw new InvocationFailure('not-found', `云函数 ${name} 不存在`);
    const invocationId = `inv_${randomBytes(8).toString('hex')}`;
    // An invocation started by another function keeps the original caller, as CloudBase passes the WX context on.
    const effectiveCaller = caller ?? (callerTag ? this.callers.get(callerTag) : undefined) ?? null;
    if (effectiveCaller) this.remember(invocationId, effectiveCaller);
    const started = Date.now();
    const env = this.envFor(name, invocationId, effectiveCaller);
    const result = await this.enqueue({
      bundle: entry.file,
      exportName: entry.exportName,
      event,
      // SCF's context: `environment` is the invocation's variables as a JSON string (getCloudbaseContext parses it).
      context: {
        callbackWaitsForEmptyEventLoop: true,
        request_id: invocationId,
        function_name: name,
        function_version: '$LATEST',
        namespace: this.options.envId,
        time_limit_in_ms: config.timeout * 1000,
        memory_limit_in_mb: config.memorySize ?? 256,
        environment: JSON.stringify(env),
      },
      env,
    }, config.timeout * 1000);
    return { invocationId, result, durationMs: Date.now() - started };
  }

  /** FunctionInvoker: `functions.invokeFunction` from inside a function. */
  async invoke(request: { name: string; event: unknown; callerTag: string | null }): Promise<unknown> {
    return (await this.run(request.name, request.event, null, request.callerTag)).result;
  }

  timerTriggers(): { fn: string; triggerName: string }[] {
    return [...this.configs.values()].flatMap((f) => (f.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ fn: f.name, triggerName: t.name })));
  }

  callerOf(tag: string): Caller | undefined {
    return this.callers.get(tag);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new InvocationFailure('crash', 'function host is closing'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private envFor(name: string, invocationId: string, caller: Caller | null): Record<string, string> {
    const o = this.options;
    const env: Record<string, string> = {
      // The function's own variables first: what the platform sets below cannot be overridden by them.
      ...this.variables.get(name),
      TENCENTCLOUD: 'true',
      TENCENTCLOUD_SECRETID: o.secretId,
      TENCENTCLOUD_SECRETKEY: o.secretKey,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: o.emulatorUrl }),
      TCB_ENV: o.envId,
      SCF_NAMESPACE: o.envId,
      // What an SCF instance sets; the SDKs read RUNENV to know they run in a function. No session token locally:
      // TENCENTCLOUD_SECRETID/KEY are the emulator's own, not temporary credentials.
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      SCF_FUNCTIONNAME: name,
      SCF_FUNCTIONVERSION: '$LATEST',
      TENCENTCLOUD_SESSIONTOKEN: '',
      TCB_SEQID: invocationId,
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_UUID,TCB_CUSTOM_USER_ID,TCB_ISANONYMOUS_USER',
      TCB_UUID: caller?.uid ?? '',
      TCB_CUSTOM_USER_ID: caller?.customUserId ?? '',
      TCB_ISANONYMOUS_USER: caller?.isAnonymous ? 'true' : 'false',
      // WX_API_TOKEN is the function's cloud-call identity: the SDK sends it as wxCloudApiToken with every request,
      // and the emulator checks the open APIs this function's config.json declares against it (cloud-call-token.ts).
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_API_TOKEN',
      WX_API_TOKEN: mintWxApiToken(name, o.secretKey),
      WX_OPENID: caller?.openid ?? '',
      WX_APPID: caller ? (caller.appid ?? o.appid ?? 'wx-local-emulator') : '',
      WX_UNIONID: '',
    };
    if (o.now) env.FAKE_NOW = o.now().toISOString();
    return env;
  }

  private remember(invocationId: string, caller: Caller) {
    if (this.callers.size >= MAX_CALLERS_REMEMBERED) this.callers.delete(this.callers.keys().next().value as string);
    this.callers.set(invocationId, caller);
  }

  private spawn(): Worker {
    // An instance sees only what the platform sets and its own envVariables (per invocation, see envFor), never the
    // host's environment: a setting the function forgot to declare fails here as it would on CloudBase.
    const worker = new Worker(this.script, { env: { PATH: process.env.PATH ?? '' } });
    worker.unref();
    return worker;
  }

  private enqueue(message: Task['message'], timeoutMs: number): Promise<unknown> {
    if (this.closed) return Promise.reject(new InvocationFailure('crash', 'function host is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ message, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    for (const slot of this.slots) {
      // A task that fails to start leaves its slot free for the next one.
      while (!slot.busy) {
        const task = this.queue.shift();
        if (!task) return;
        this.execute(slot, task);
      }
    }
  }

  private execute(slot: Slot, task: Task) {
    const id = this.nextId++;
    const { worker } = slot;
    try {
      // Posted before the slot is taken: a message that cannot be cloned fails its own task and nothing else
      // (this runs inside event handlers, where a throw would end the process).
      worker.postMessage({ type: 'invoke', id, ...task.message } satisfies InvokeMessage);
    } catch (error) {
      task.reject(new InvocationFailure('error', `the invocation could not be passed to the function worker: ${(error as Error).message}`));
      return;
    }
    slot.busy = true;
    let settled = false;
    const finish = (outcome: () => void, replaceWorker: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (replaceWorker) {
        void worker.terminate();
        slot.worker = this.spawn();
      }
      slot.busy = false;
      outcome();
      if (!this.closed) this.pump();
    };
    const onMessage = (reply: ResultMessage) => {
      if (reply.id !== id) return;
      finish(() => (reply.ok ? task.resolve(reply.value) : task.reject(new InvocationFailure('error', reply.error))), false);
    };
    const onError = (error: Error) => finish(() => task.reject(new InvocationFailure('crash', error.message)), true);
    const onExit = (code: number) => finish(() => task.reject(new InvocationFailure('crash', `function worker exited with code ${code}`)), true);
    const timer = setTimeout(
      () => finish(() => task.reject(new InvocationFailure('timeout', `function timed out after ${task.timeoutMs} ms`)), true),
      task.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  }
}
