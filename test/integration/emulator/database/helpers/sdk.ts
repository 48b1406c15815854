import { sdkFor as signedSdkFor } from '../../../../helpers/emulator-sdk';

/**
 * The real SDK pointed at the emulator server, signing with the local secret the server verifies.
 * TENCENTCLOUD=true keeps it from probing the cloud metadata host.
 */
export function sdkFor(url: string) {
  process.env.TENCENTCLOUD = 'true';
  return signedSdkFor(url);
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
