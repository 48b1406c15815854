const mockTaro = {
  request: jest.fn(),
  getStorageSync: jest.fn(),
  removeStorageSync: jest.fn(),
  showToast: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  getCurrentPages: jest.fn(() => [{ route: 'pages/index/index' }]),
  cloud: { callFunction: jest.fn() },
};
// A getter: imports are hoisted above this file's constants, the module reads Taro only when called.
jest.mock('@tarojs/taro', () => ({ __esModule: true, get default() { return mockTaro; } }));
const taro = mockTaro;

import { CloudError, call, isEnvelope, unwrapEnvelope } from '@/lib/cloud';

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
  jest.clearAllMocks();
});

describe('unwrapEnvelope', () => {
  it('returns data of an ok envelope', () => {
    expect(unwrapEnvelope({ ok: true, data: { a: 1 } })).toEqual({ a: 1 });
  });

  it('throws the envelope error as a CloudError with code, Chinese message and issues', () => {
    const issues = [{ field: 'phone', message: '手机号应为 11 位数字，以 13–19 开头' }];
    try {
      unwrapEnvelope({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '手机号…', details: { issues } } });
      throw new Error('did not throw');
    } catch (error) {
      expect(error).toBeInstanceOf(CloudError);
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', details: { issues } });
    }
  });

  it('treats anything that is not an envelope as a network failure', () => {
    for (const reply of ['<html>', null, { data: 1 }, { ok: false, error: 'x' }]) {
      expect(() => unwrapEnvelope(reply)).toThrow(expect.objectContaining({ code: 'NETWORK', message: '网络异常，请稍后重试' }));
    }
    expect(isEnvelope({ ok: true, data: null })).toBe(true);
  });
});

describe('call on h5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    process.env.TARO_APP_LOCAL = 'true';
  });

  it('POSTs { action, ...payload } to /fn/<name> with the dev token', async () => {
    taro.getStorageSync.mockReturnValue('tok-1');
    taro.request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: { items: [] } } });
    await expect(call('user', 'listUnits', { x: 1 } as never)).resolves.toEqual({ items: [] });
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/fn/user',
        method: 'POST',
        data: { x: 1, action: 'listUnits' },
        header: expect.objectContaining({ Authorization: 'Bearer tok-1' }),
      }),
    );
  });

  it('turns a failed request into NETWORK', async () => {
    taro.request.mockRejectedValue({ errMsg: 'request:fail' });
    await expect(call('user', 'me')).rejects.toMatchObject({ code: 'NETWORK', message: '网络异常，请稍后重试' });
  });

  it('sends the person to the persona picker on UNAUTHENTICATED (local h5)', async () => {
    taro.request.mockResolvedValue({ statusCode: 401, data: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } } });
    await expect(call('user', 'me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('drops an expired token and shows why before going back to the persona picker', async () => {
    taro.request.mockResolvedValue({ statusCode: 401, data: { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新选择身份' } } });
    await expect(call('user', 'me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新选择身份' });
    expect(taro.removeStorageSync).toHaveBeenCalledWith('devToken');
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新选择身份' }));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('does not redirect when already on the persona picker', async () => {
    taro.getCurrentPages.mockReturnValue([{ route: 'pages/login/index' }]);
    taro.request.mockResolvedValue({ statusCode: 401, data: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } } });
    await expect(call('user', 'me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });
});

describe('call on weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('calls wx.cloud with data { action, ...payload } and unwraps result.result', async () => {
    taro.cloud.callFunction.mockResolvedValue({ result: { ok: true, data: { id: 'c1' } } });
    await expect(call('user', 'setHomeCommunity', { communityId: 'c1' })).resolves.toEqual({ id: 'c1' });
    expect(taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'user', data: { communityId: 'c1', action: 'setHomeCommunity' } });
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('never redirects on UNAUTHENTICATED (identity is the WeChat user)', async () => {
    taro.cloud.callFunction.mockResolvedValue({ result: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } } });
    await expect(call('user', 'me')).rejects.toBeInstanceOf(CloudError);
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });
});
