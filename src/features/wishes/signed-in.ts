import Taro from '@tarojs/taro';
import { DEV_TOKEN_KEY } from '@/lib/cloud';

/**
 * The wall is public: it must not send an anonymous H5 visitor to the persona picker by asking who they are.
 * On weapp there is always a WeChat identity.
 */
export function isSignedIn(): boolean {
  if (process.env.TARO_ENV === 'weapp') return true;
  return Boolean(Taro.getStorageSync(DEV_TOKEN_KEY));
}
