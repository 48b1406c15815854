/**
 * Who the app acts as. weapp: always the WeChat user. Local H5: the persona chosen on the dev login page, held as a
 * token in storage (dev-login.ts writes it). The one place that knows which of the two this build is.
 */
import Taro from '@tarojs/taro';

/** Storage keys of the local dev session (h5 only). */
export const DEV_TOKEN_KEY = 'devToken';
export const DEV_OPENID_KEY = 'devOpenid';
export const DEV_PERSONA_KEY = 'devPersona';

/** A local H5 build: the persona picker and the dev token exist. Read at call time, so tests can switch it. */
export const devLoginEnabled = (): boolean => process.env.TARO_ENV === 'h5' && process.env.TARO_APP_LOCAL === 'true';

/** The local dev token, if a persona is chosen. */
export const devToken = (): string | undefined => (Taro.getStorageSync(DEV_TOKEN_KEY) as string | undefined) || undefined;

/**
 * Public screens (the wall) must not send an anonymous H5 visitor to the persona picker by asking who they are.
 * On weapp there is always a WeChat identity.
 */
export function isSignedIn(): boolean {
  if (process.env.TARO_ENV === 'weapp') return true;
  return Boolean(devToken());
}
