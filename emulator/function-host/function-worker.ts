import { parentPort } from 'node:worker_threads';
import type { InvokeMessage, ResultMessage } from './worker-protocol';

/**
 * One function instance: runs one invocation at a time, like a CloudBase instance. process.env here is
 * this thread's own copy, so the caller identity the SDK reads (WX_OPENID …) cannot leak between workers.
 */
let previousKeys: string[] = [];

function applyEnv(env: Record<string, string>) {
  for (const key of previousKeys) delete process.env[key];
  Object.assign(process.env, env);
  previousKeys = Object.keys(env);
}

parentPort?.on('message', async (message: InvokeMessage) => {
  let reply: ResultMessage;
  try {
    applyEnv(message.env);
    // require resolves from the entry's own folder, so a plain function folder uses its own node_modules.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a function entry is CommonJS, loaded at run time
    const mod = require(message.bundle) as Record<string, unknown>;
    const handler = mod[message.exportName];
    if (typeof handler !== 'function') throw new Error(`${message.bundle} does not export ${message.exportName}`);
    const value = await (handler as (event: unknown, context: unknown) => unknown)(message.event, message.context);
    reply = { type: 'result', id: message.id, ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
  } catch (error) {
    reply = { type: 'result', id: message.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort?.postMessage(reply);
});
