/**
 * The one module that calls cloud functions.
 * weapp: wx.cloud.callFunction, identity is the WeChat user. h5: POST /fn/<name> on the same origin with the dev token.
 * Either way the reply is the envelope of src/domain/envelope.ts; anything else is treated as a network failure.
 */
import Taro from '@tarojs/taro';
import { LOGIN_PAGE } from '@/routes';
import type { ActionName, FunctionName, OutputOf, PayloadArgs } from './api';
import { CloudError, toCloudError, unwrapEnvelope } from './cloud-error';
import { DEV_TOKEN_KEY, devLoginEnabled, devToken } from './session';

export { CloudError, isEnvelope, unwrapEnvelope } from './cloud-error';

const H5_TIMEOUT_MS = 15000;

async function sendWeapp(name: string, data: Record<string, unknown>): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name, data });
  return res.result;
}

async function sendH5(name: string, data: Record<string, unknown>): Promise<{ body: unknown; status: number }> {
  const token = devToken();
  const header: Record<string, string> = { 'content-type': 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  const res = await Taro.request({
    url: `/fn/${encodeURIComponent(name)}`,
    method: 'POST',
    data,
    header,
    dataType: 'json',
    timeout: H5_TIMEOUT_MS,
  });
  return { body: res.data, status: res.statusCode };
}

function currentRoute(): string {
  try {
    const pages = Taro.getCurrentPages();
    return pages.length ? String(pages[pages.length - 1].route ?? '') : '';
  } catch {
    return '';
  }
}

/**
 * h5 local: a missing, invalid or expired dev token (the host says which, e.g. 登录已过期，请重新选择身份) drops the
 * stale token and sends the person to the persona picker with that message.
 */
export function onUnauthenticated(message: string): void {
  if (!devLoginEnabled()) return;
  Taro.removeStorageSync(DEV_TOKEN_KEY);
  if (currentRoute() === LOGIN_PAGE.slice(1)) return;
  Taro.showToast({ title: message, icon: 'none', duration: 3000 }).catch(() => undefined);
  Taro.reLaunch({ url: LOGIN_PAGE }).catch(() => undefined);
}

/** `call('wish', 'claim', { wishId })`: the action, its payload and its result are checked against the function's table. */
export function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, ...args: PayloadArgs<F, A>): Promise<OutputOf<F, A>> {
  return send<OutputOf<F, A>>(fn, action, (args[0] ?? {}) as Record<string, unknown>);
}

async function send<T>(name: string, action: string, payload: Record<string, unknown>): Promise<T> {
  const data = { ...payload, action };
  let reply: unknown;
  let status: number | undefined;
  try {
    if (process.env.TARO_ENV === 'weapp') {
      reply = await sendWeapp(name, data);
    } else {
      const res = await sendH5(name, data);
      reply = res.body;
      status = res.status;
    }
  } catch (error) {
    throw toCloudError(error);
  }
  try {
    return unwrapEnvelope<T>(reply, status === undefined ? { fn: name, action } : { fn: name, action, status });
  } catch (error) {
    if (error instanceof CloudError && error.code === 'UNAUTHENTICATED') onUnauthenticated(error.message);
    throw error;
  }
}
