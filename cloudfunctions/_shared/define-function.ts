import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError, ErrorCode, invalidArgument, unauthenticated } from '../../src/domain/errors';
import type { Envelope } from '../../src/domain/envelope';
import type { Actor } from '../../src/domain/roles';
import { parseOrThrow } from '../../src/domain/validation';
import { now } from './clock';
import { toEnvelope } from './envelope';
import { loadActor } from './repositories/actor.repository';
import { findRequestResult, saveRequestResult } from './repositories/request-log.repository';
import { trustedOpenid } from './sdk';

export interface ActionContext {
  /** Empty for anonymous callers of public actions. */
  openid: string;
  /** The caller as permissions see it; loaded on first use (one read), so public actions pay nothing. */
  actor(): Promise<Actor>;
  now(): Date;
  requestId: string;
}

export interface ActionDefinition<S extends z.ZodType, R> {
  schema: S;
  /** 'public': readable without logging in; 'user': needs an identity from the trusted context. */
  access: 'public' | 'user';
  /** Named permission checked before the handler; resource-level checks happen in the handler with the loaded resource. */
  policy?: (actor: Actor, input: z.output<S>) => boolean;
  /** Message when the policy says no. */
  deniedMessage?: string;
  /** Writes a client may retry: a payload `requestId` makes a retry return the first result. */
  idempotent?: boolean;
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
}

export const defineAction = <S extends z.ZodType, R>(definition: ActionDefinition<S, R>) => definition;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = ActionDefinition<any, any>;

interface CloudContext {
  request_id?: string;
}

/** What a timer trigger's handler gets: the platform invokes it, there is no caller. */
export interface TimerContext {
  now(): Date;
  requestId: string;
  triggerName: string;
}

export interface FunctionOptions {
  /** Handlers of the timer triggers declared for this function in cloudbaserc.json, by trigger name. */
  timers?: Record<string, (ctx: TimerContext) => Promise<unknown>>;
}

/** A CloudBase timer trigger event: `{ Type: 'Timer', TriggerName, Time }`. */
function isTimerEvent(event: unknown): event is { Type: 'Timer'; TriggerName: string } {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

/** exports.main of a cloud function: `{ action, ...payload }` → validate → who → may they → handler → envelope. */
export function defineFunction(name: string, actions: Record<string, AnyAction>, options: FunctionOptions = {}) {
  async function main(event: unknown, context?: CloudContext): Promise<Envelope<unknown>> {
    const requestId = context?.request_id ?? randomBytes(8).toString('hex');
    try {
      const value = isTimerEvent(event) ? await runTimer(event.TriggerName, requestId) : await run(event, requestId);
      return toEnvelope({ value }, requestId);
    } catch (error) {
      return toEnvelope({ error }, requestId);
    }
  }
  // The action table travels with main so the fuzz and authorization suites can enumerate every action.
  return Object.assign(main, { functionName: name, actions });

  async function runTimer(triggerName: string, requestId: string): Promise<unknown> {
    // Only the platform sends timer events; a client forging one would have an identity in its context.
    if (trustedOpenid()) throw new AppError(ErrorCode.FORBIDDEN, '定时任务只能由平台触发');
    const timer = options.timers?.[triggerName];
    if (!timer) throw invalidArgument([{ field: 'TriggerName', message: `未知的定时任务：${triggerName.slice(0, 40)}` }]);
    return timer({ now, requestId, triggerName });
  }

  async function run(event: unknown, requestId: string): Promise<unknown> {
    if (!event || typeof event !== 'object' || Array.isArray(event)) {
      throw invalidArgument([{ field: 'action', message: '请求格式不正确' }]);
    }
    const { action, ...payload } = event as Record<string, unknown>;
    if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(actions, action)) {
      throw invalidArgument([{ field: 'action', message: `不支持的操作：${String(action ?? '（空）').slice(0, 40)}` }]);
    }
    const definition = actions[action];
    const openid = trustedOpenid();
    if (definition.access === 'user' && !openid) throw unauthenticated();
    const input = parseOrThrow(definition.schema, payload);

    let actorPromise: Promise<Actor> | undefined;
    const ctx: ActionContext = {
      openid,
      actor: () => (actorPromise ??= loadActor(openid)),
      now,
      requestId,
    };
    if (definition.policy) {
      const actor = await ctx.actor();
      if (!definition.policy(actor, input)) {
        throw new AppError(ErrorCode.FORBIDDEN, definition.deniedMessage ?? '没有权限进行此操作');
      }
    }
    if (!definition.idempotent) return definition.handler(input, ctx);

    const clientRequestId = (input as { requestId?: unknown }).requestId;
    if (typeof clientRequestId !== 'string') return definition.handler(input, ctx);
    const key = { openid, fn: name, action, requestId: clientRequestId };
    const previous = await findRequestResult(key);
    if (previous) return previous.value;
    const value = await definition.handler(input, ctx);
    // A concurrent retry that finished first wins; both callers then see its result.
    return (await saveRequestResult(key, value)).value;
  }
}
