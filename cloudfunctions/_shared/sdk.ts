import tcb from '@cloudbase/node-sdk';

/**
 * The one place that initialises @cloudbase/node-sdk, once per function instance.
 * In CloudBase the platform injects the environment; locally the function host injects the same variables
 * (TCB_CONTEXT_CNFG with the emulator URL, TENCENTCLOUD_SECRETID/SECRETKEY, TCB_ENV), so this code is identical.
 */
type CloudbaseApp = ReturnType<typeof tcb.init>;

let app: CloudbaseApp | undefined;

export function cloudApp(): CloudbaseApp {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: 10_000 });
  return app;
}

export type Database = ReturnType<CloudbaseApp['database']>;

export function database(): Database {
  return cloudApp().database();
}

/** The caller's OPENID from the trusted context; never from the payload. Empty when nobody is signed in. */
export function trustedOpenid(): string {
  return cloudApp().auth().getUserInfo().openId ?? '';
}

/**
 * Whether the call carries any caller identity at all: a WeChat openid, a CloudBase login (uid, also for anonymous
 * logins), or a custom login. Only the platform's own invocations (timer triggers) carry none.
 */
export function hasCallerIdentity(): boolean {
  const info = cloudApp().auth().getUserInfo();
  return Boolean(info.openId || info.uid || info.customUserId || info.isAnonymous);
}

/** A domain `Condition` (src/domain/condition.ts) as the `where` of a query or a conditional update. */
export function whereOf(condition: Record<string, unknown>): Record<string, unknown> {
  const _ = database().command;
  return Object.fromEntries(
    Object.entries(condition).map(([field, test]) => {
      if (test === null || typeof test !== 'object' || test instanceof Date) return [field, test];
      const t = test as Record<string, unknown>;
      if ('$lt' in t) return [field, _.lt(t.$lt)];
      if ('$lte' in t) return [field, _.lte(t.$lte)];
      if ('$neq' in t) return [field, _.neq(t.$neq)];
      if ('$ltOrMissing' in t) return [field, _.or(_.lt(t.$ltOrMissing), _.exists(false))];
      return [field, test];
    }),
  );
}
