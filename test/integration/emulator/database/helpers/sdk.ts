import type tcbModule from '@cloudbase/node-sdk';

/** The real SDK pointed at a local serviceUrl. TENCENTCLOUD=true keeps it from probing the cloud metadata host. */
export function sdkFor(url: string) {
  process.env.TENCENTCLOUD = 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk') as typeof tcbModule;
  return tcb.init({ env: 'local-env', serviceUrl: url, secretId: 'x', secretKey: 'y', timeout: 15_000 });
}

/** The error a rejected SDK call carries. */
export async function sdkError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the SDK call to fail');
}
