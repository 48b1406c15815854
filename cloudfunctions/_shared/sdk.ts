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
