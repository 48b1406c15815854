import Taro from '@tarojs/taro';

/** weapp: connect wx.cloud once, before any page calls a function. Without an env id WeChat uses the project's default. */
export function initCloud(): void {
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
}
