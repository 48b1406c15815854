import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError, conflict, ErrorCode, invalidArgument, unauthenticated } from '../../src/domain/errors';
import type { Envelope } from '../../src/domain/envelope';
import type { Verdict } from '../../src/domain/policy';
import type { Actor } from '../../src/domain/roles';
import { parseOrThrow } from '../../src/domain/validation';
import { now } from './clock';
import { toEnvelope } from './envelope';
import { actorOf } from './repositories/actor.repository';
import { completeRequest, releaseRequest, reserveRequest, type Reservation, type RequestKey } from './repositories/request-log.repository';
import { findUser, type UserRecord } from './repositories/user.repository';
import { hasCallerIdentity, trustedOpenid } from './sdk';

export interface ActionContext {
  /** Empty for anonymous callers of public actions. */
  openid: string;
  /** The caller as permissions see it; loaded on first use (one read), so public actions pay nothing. */
  actor(): Promise<Actor>;
  /** The caller's own document (the same single read as `actor()`): a member's profile to snapshot. */
  user(): Promise<UserRecord | null>;
  now(): Date;
  requestId: string;
}

/**
 * One action: validate → load → authorize → handler (decide and write). Every permission goes through `authorize`,
 * a named policy from `src/domain/<area>.policy.ts` that sees the caller (their openid, grants, membership) and the
 * loaded resource (its owner, claimant, author…), and answers with the refusal's own message.
 */
export interface ActionDefinition<S extends z.ZodType, R, T = undefined> {
  schema: S;
  /** 'public': readable without logging in; 'user': needs an identity from the trusted context. */
  access: 'public' | 'user';
  /** Reads what the permission is about (throw `notFound` when it is missing); runs alongside the caller's read. */
  load?: (input: z.output<S>, ctx: ActionContext) => Promise<T>;
  /**
   * The load already read the caller's own document (an aggregate that joins it): it is taken from there, so the
   * caller costs no round trip of its own.
   */
  callerOf?: (resource: T) => UserRecord | null;
  /** The named policy, checked with the loaded resource before the handler writes anything. */
  authorize?: (actor: Actor, input: z.output<S>, resource: T, now: Date) => Verdict;
  /** Writes a client may retry: a payload `requestId` makes a retry return the first result. */
  idempotent?: boolean;
  handler: (input: z.output<S>, ctx: ActionContext, resource: T) => Promise<R>;
}

export const defineAction = <S extends z.ZodType, R, T = undefined>(definition: ActionDefinition<S, R, T>) => definition;

/** A policy's refusal as the error the client shows; the one place a verdict becomes an AppError. */
export function enforce(verdict: Verdict): void {
  if (!verdict.ok) throw new AppError(ErrorCode[verdict.code ?? 'FORBIDDEN'], verdict.message);
}

type AnyAction = ActionDefinition<any, any, any>;

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
  /** Handlers of WeChat message pushes routed to this function (cloudbaserc.json → messagePush), by `Event`. */
  pushes?: Record<string, (event: Record<string, unknown>, ctx: TimerContext) => Promise<unknown>>;
}

/** A WeChat message push as CloudBase hands it to a function: WeChat's JSON, `{ MsgType: 'event', Event, … }`. */
function isPushEvent(event: unknown): event is Record<string, unknown> & { Event: string } {
  return typeof event === 'object' && event !== null && (event as { MsgType?: unknown }).MsgType === 'event' && typeof (event as { Event?: unknown }).Event === 'string';
}

/** A CloudBase timer trigger event: `{ Type: 'Timer', TriggerName, Time }`. */
function isTimerEvent(event: unknown): event is { Type: 'Timer'; TriggerName: string } {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

/** exports.main of a cloud function: `{ action, ...payload }` → validate → who → may they → handler → envelope. */
// The name and table keep their literal types so ApiOf (./api.ts) can derive the client's contract from them.
export function defineFunction<N extends string, A extends Record<string, AnyAction>>(name: N, actions: A, options: FunctionOptions = {}) {
  async function main(event: unknown, context?: CloudContext): Promise<Envelope<unknown>> {
    const requestId = context?.request_id ?? randomBytes(8).toString('hex');
    try {
      const value = isTimerEvent(event)
        ? await runTimer(event.TriggerName, requestId)
        : isPushEvent(event)
          ? await runPush(event, requestId)
          : await run(event, requestId);
      return toEnvelope({ value }, requestId);
    } catch (error) {
      return toEnvelope({ error }, requestId);
    }
  }
  // The action table travels with main so the fuzz and authorization suites can enumerate every action.
  return Object.assign(main, { functionName: name, actions });

  async function runTimer(triggerName: string, requestId: string): Promise<unknown> {
    // Only the platform sends timer events; a client forging one has an identity in its context (an openid, or a
    // CloudBase login: anonymous, custom or web), whichever kind it is.
    if (hasCallerIdentity()) throw new AppError(ErrorCode.FORBIDDEN, '定时任务只能由平台触发');
    const timer = options.timers?.[triggerName];
    if (!timer) throw invalidArgument([{ field: 'TriggerName', message: `未知的定时任务：${triggerName.slice(0, 40)}` }]);
    return timer({ now, requestId, triggerName });
  }

  async function runPush(event: Record<string, unknown> & { Event: string }, requestId: string): Promise<unknown> {
    // Same rule as timers: WeChat's push is the platform's invocation, a client's call always carries an identity.
    if (hasCallerIdentity()) throw new AppError(ErrorCode.FORBIDDEN, '消息推送只能由微信平台发起');
    const push = options.pushes?.[event.Event];
    if (!push) throw invalidArgument([{ field: 'Event', message: `未知的消息推送：${event.Event.slice(0, 40)}` }]);
    return push(event, { now, requestId, triggerName: event.Event });
  }

  async function run(event: unknown, requestId: string): Promise<unknown> {
    if (!event || typeof event !== 'object' || Array.isArray(event)) {
      throw invalidArgument([{ field: 'action', message: '请求格式不正确' }]);
    }
    const { action, ...payload } = event as Record<string, unknown>;
    if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(actions, action)) {
      throw invalidArgument([{ field: 'action', message: `不支持的操作：${String(action ?? '（空）').slice(0, 40)}` }]);
    }
    const definition: AnyAction = actions[action];
    const openid = trustedOpenid();
    if (definition.access === 'user' && !openid) throw unauthenticated();
    const input = parseOrThrow(definition.schema, payload);

    let userPromise: Promise<UserRecord | null> | undefined;
    const user = () => (userPromise ??= openid ? findUser(openid) : Promise.resolve(null));
    const ctx: ActionContext = {
      openid,
      user,
      actor: async () => actorOf(openid, await user()),
      now,
      requestId,
    };
    // load → authorize, before anything is written (a refusal writes nothing, not even a request reservation).
    let resource: unknown;
    if (definition.load && definition.callerOf) {
      resource = await definition.load(input, ctx);
      userPromise = Promise.resolve(definition.callerOf(resource));
    } else if (definition.load) {
      // The resource and the caller in parallel: one round trip of latency for both.
      [resource] = await Promise.all([definition.load(input, ctx), definition.authorize ? user() : undefined]);
    }
    if (definition.authorize) enforce(definition.authorize(await ctx.actor(), input, resource, now()));

    const clientRequestId = (input as { requestId?: unknown }).requestId;
    if (!definition.idempotent || typeof clientRequestId !== 'string') return definition.handler(input, ctx, resource);
    // Keyed by the caller: a stored result is only ever their own write. The id names the operation: a replay gets
    // the stored result even when its payload differs (the first payload is what ran), so every reply is the stored one.
    const key = { openid, fn: name, action, requestId: clientRequestId };
    const reservation = await awaitReservation(key);
    if (reservation.kind === 'done') return reservation.value;
    let value: unknown;
    try {
      value = await definition.handler(input, ctx, resource);
    } catch (error) {
      await releaseRequest(key, reservation.token).catch(() => undefined);
      throw error;
    }
    return (await completeRequest(key, reservation.token, value)).value;
  }
}

/**
 * Reserve the request id, or wait briefly for the invocation that holds it: a double tap or a network retry usually
 * lands while the first is still running, and then gets its result rather than an error. A first run that takes
 * longer than the wait is answered with CONFLICT, and the client's retry later reads the stored result.
 */
const REPLAY_WAITS_MS = [100, 200, 300, 400, 500, 500, 500];

async function awaitReservation(key: RequestKey): Promise<Exclude<Reservation, { kind: 'pending' }>> {
  for (const wait of [0, ...REPLAY_WAITS_MS]) {
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const reservation = await reserveRequest(key);
    if (reservation.kind !== 'pending') return reservation;
  }
  throw conflict('请求正在处理，请稍后重试');
}
