/**
 * H5 (and tests): nothing to connect, functions are reached over HTTP. A module of its own so the app entry does not
 * pull the calling code into the H5 first load; the weapp build takes cloud-init.weapp.ts.
 */
export function initCloud(): void {}
