/**
 * The `wx` object the weapp harness gives the app: every call is recorded (api, arguments, page, whether it ran
 * inside a tap), and each API answers the way WeChat does on success. Only APIs listed here exist, as on a base
 * library without them: Taro builds `Taro.x` from the keys of `wx`, so an API the app needs and the harness lacks
 * shows up as a failure, never as a silent no-op.
 */

export interface WxCall {
  api: string;
  args: any;
  page: string | null;
  /** True when the call happened synchronously inside a tap handler (WeChat requires it for some APIs). */
  fromTap: boolean;
}

export interface WxOptions {
  /** Serves `wx.cloud.callFunction`: resolves with what the function returned. */
  callFunction: (name: string, data: Record<string, unknown>) => Promise<unknown>;
  /** Where `wx.getLocation` says the phone is (default: 湖滨社区's centre). */
  location?: { latitude: number; longitude: number };
  /** `wx.showModal`'s answer (default: the person confirms). */
  modalConfirms?: boolean;
  /**
   * Records the person's 允许 on the platform, as the local H5 dialog does (POST /dev/subscribe); rejects when the
   * platform refuses the ids (a template the mini-program does not have).
   */
  grantSubscription: (tmplIds: string[]) => Promise<void>;
  /** The answer to `wx.requestSubscribeMessage` (default: the person taps 允许). */
  subscriptionAccepted?: boolean;
  /** What the phone already remembers (`wx.setStorageSync` of an earlier session), e.g. the 关怀模式 switch. */
  storage?: Record<string, unknown>;
  /** WeChat's own text size (设置 › 通用 › 字体大小) in px; 17 is the standard. */
  fontSizeSetting?: number;
}

interface Hooks {
  record: (call: Omit<WxCall, 'page'>) => void;
  problem: (message: string) => void;
  track: <T>(p: Promise<T>) => Promise<T>;
  inTap: () => boolean;
}

type Callbacks = { success?: (res: any) => void; fail?: (res: any) => void; complete?: (res: any) => void };

export function createWx(options: WxOptions & Hooks) {
  const storage = new Map<string, string>(Object.entries(options.storage ?? {}).map(([k, v]) => [k, JSON.stringify(v)]));
  const location = options.location ?? { latitude: 28.6812, longitude: 115.9012 };

  /** WeChat's async API shape: callbacks when given, otherwise a Promise; answers arrive after the call returns. */
  function asyncApi(name: string, run: (args: any) => any | Promise<any>) {
    return (args: Callbacks & Record<string, any> = {}) => {
      options.record({ api: name, args: strip(args), fromTap: options.inTap() });
      const settled = options.track(
        Promise.resolve()
          .then(() => run(args))
          .then((res) => ({ errMsg: `${name}:ok`, ...res })),
      );
      const hasCallbacks = Boolean(args.success || args.fail || args.complete);
      if (!hasCallbacks) return settled;
      settled.then(
        (res) => {
          args.success?.(res);
          args.complete?.(res);
        },
        (error) => {
          const res = { errMsg: error?.errMsg ?? `${name}:fail ${error?.message ?? error}`, ...(error?.errCode !== undefined ? { errCode: error.errCode } : {}) };
          args.fail?.(res);
          args.complete?.(res);
        },
      );
      return undefined;
    };
  }

  function syncApi<T>(name: string, run: (...args: any[]) => T) {
    return (...args: any[]) => {
      options.record({ api: name, args: args.length <= 1 ? strip(args[0]) : args.map(strip), fromTap: options.inTap() });
      return run(...args);
    };
  }

  const fail = (errMsg: string, errCode?: number) => Object.assign(new Error(errMsg), { errMsg, errCode });
  const ok = () => ({});
  const systemInfo = {
    brand: 'devtools', model: 'iPhone 12', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 844,
    statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 16.0', platform: 'ios', SDKVersion: '3.6.0',
    safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 }, theme: 'light',
    fontSizeSetting: options.fontSizeSetting ?? 17,
  };

  const wx: Record<string, any> = {
    cloud: {
      init: syncApi('cloud.init', () => undefined),
      callFunction: asyncApi('cloud.callFunction', async ({ name, data }: { name: string; data?: Record<string, unknown> }) => {
        if (typeof name !== 'string' || !name) throw fail('cloud.callFunction:fail parameter.name should be String instead of Undefined;');
        const result = await options.callFunction(name, data ?? {});
        return { result, requestID: `harness-${Date.now()}`, errMsg: 'cloud.callFunction:ok' };
      }),
    },
    // storage: WeChat keeps values as they were given (objects included); a copy keeps callers from sharing one object.
    getStorageSync: syncApi('getStorageSync', (key: string) => (storage.has(key) ? JSON.parse(storage.get(key) as string) : '')),
    setStorageSync: syncApi('setStorageSync', (key: string, value: unknown) => void storage.set(key, JSON.stringify(value ?? null))),
    removeStorageSync: syncApi('removeStorageSync', (key: string) => void storage.delete(key)),
    clearStorageSync: syncApi('clearStorageSync', () => storage.clear()),
    getStorage: asyncApi('getStorage', ({ key }) => {
      if (!storage.has(key)) throw fail('getStorage:fail data not found');
      return { data: JSON.parse(storage.get(key) as string) };
    }),
    setStorage: asyncApi('setStorage', ({ key, data }) => {
      storage.set(key, JSON.stringify(data ?? null));
      return {};
    }),
    removeStorage: asyncApi('removeStorage', ({ key }) => {
      storage.delete(key);
      return {};
    }),
    clearStorage: asyncApi('clearStorage', () => {
      storage.clear();
      return {};
    }),
    // location
    getLocation: asyncApi('getLocation', () => ({ ...location, accuracy: 30, speed: 0, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30 })),
    chooseLocation: asyncApi('chooseLocation', () => ({ name: '湖滨社区党群服务中心', address: '南昌市东湖区八一大道', ...location })),
    getSetting: asyncApi('getSetting', () => ({ authSetting: { 'scope.userLocation': true } })),
    openSetting: asyncApi('openSetting', () => ({ authSetting: { 'scope.userLocation': true } })),
    authorize: asyncApi('authorize', ok),
    // subscription: WeChat accepts the request only from a tap, 1–3 templates the mini-program has; 允许 is granted on
    // the platform, so a later subscribeMessage.send finds it exactly as on WeChat.
    requestSubscribeMessage: (args: Callbacks & { tmplIds?: string[] } = {}) => {
      const fromTap = options.inTap();
      return asyncApi('requestSubscribeMessage', async ({ tmplIds }) => {
        if (!fromTap) throw fail('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
        if (!Array.isArray(tmplIds) || tmplIds.length === 0) throw fail('requestSubscribeMessage:fail Templates list is empty', 20001);
        if (tmplIds.length > 3) throw fail('requestSubscribeMessage:fail Templates count out of max bounds', 20003);
        const choice = options.subscriptionAccepted === false ? 'reject' : 'accept';
        if (choice === 'accept') {
          try {
            await options.grantSubscription(tmplIds);
          } catch (error) {
            // The app swallows this (no message is all it means to a person), so the run must not.
            options.problem(`requestSubscribeMessage(${tmplIds.join(', ')}): ${(error as Error).message}`);
            throw fail('requestSubscribeMessage:fail No template data return, verify the template id exist', 20001);
          }
        }
        return Object.fromEntries(tmplIds.map((id: string) => [id, choice]));
      })(args);
    },
    // navigation: recorded; the harness opens pages itself
    navigateTo: asyncApi('navigateTo', ok),
    redirectTo: asyncApi('redirectTo', ok),
    switchTab: asyncApi('switchTab', ok),
    reLaunch: asyncApi('reLaunch', ok),
    navigateBack: asyncApi('navigateBack', ok),
    // interaction
    showModal: asyncApi('showModal', () => (options.modalConfirms === false ? { confirm: false, cancel: true } : { confirm: true, cancel: false, content: '' })),
    showToast: asyncApi('showToast', ok),
    hideToast: asyncApi('hideToast', ok),
    showLoading: asyncApi('showLoading', ok),
    hideLoading: asyncApi('hideLoading', ok),
    showActionSheet: asyncApi('showActionSheet', () => ({ tapIndex: 0 })),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', ok),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', ok),
    startPullDownRefresh: asyncApi('startPullDownRefresh', ok),
    pageScrollTo: asyncApi('pageScrollTo', ok),
    setClipboardData: asyncApi('setClipboardData', ok),
    makePhoneCall: asyncApi('makePhoneCall', ok),
    previewImage: asyncApi('previewImage', ok),
    chooseMedia: asyncApi('chooseMedia', () => ({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/harness.jpg', size: 1024, fileType: 'image' }] })),
    chooseImage: asyncApi('chooseImage', () => ({ tempFilePaths: ['wxfile://tmp/harness.jpg'], tempFiles: [{ path: 'wxfile://tmp/harness.jpg', size: 1024 }] })),
    scanCode: asyncApi('scanCode', () => ({ result: '', scanType: 'WX_CODE', path: 'pages/checkin/index?scene=c-donghu-hubin' })),
    showShareMenu: asyncApi('showShareMenu', ok),
    login: asyncApi('login', () => ({ code: 'harness-code' })),
    // system
    getSystemInfoSync: syncApi('getSystemInfoSync', () => ({ ...systemInfo })),
    getSystemInfo: asyncApi('getSystemInfo', () => ({ ...systemInfo })),
    getWindowInfo: syncApi('getWindowInfo', () => ({ ...systemInfo })),
    getDeviceInfo: syncApi('getDeviceInfo', () => ({ ...systemInfo })),
    getAppBaseInfo: syncApi('getAppBaseInfo', () => ({ ...systemInfo })),
    getMenuButtonBoundingClientRect: syncApi('getMenuButtonBoundingClientRect', () => ({ width: 87, height: 32, top: 51, right: 383, bottom: 83, left: 296 })),
    getLaunchOptionsSync: syncApi('getLaunchOptionsSync', () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} })),
    getEnterOptionsSync: syncApi('getEnterOptionsSync', () => ({ path: '', query: {}, scene: 1001, referrerInfo: {} })),
    getAccountInfoSync: syncApi('getAccountInfoSync', () => ({ miniProgram: { appId: 'wx-harness', envVersion: 'develop', version: '' } })),
    canIUse: syncApi('canIUse', () => true),
    nextTick: (fn: () => void) => Promise.resolve().then(fn),
    onAppRoute: () => undefined,
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    onPageNotFound: () => undefined,
    onWindowResize: () => undefined,
    offWindowResize: () => undefined,
    onNetworkStatusChange: () => undefined,
    reportAnalytics: () => undefined,
    getUpdateManager: () => ({ onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined, applyUpdate: () => undefined }),
    createSelectorQuery: () => selectorQuery(),
    createIntersectionObserver: () => ({ relativeTo: function () { return this; }, relativeToViewport: function () { return this; }, observe: () => undefined, disconnect: () => undefined }),
  };
  return wx;
}

/** A SelectorQuery whose nodes have no layout (the harness does not lay out). */
function selectorQuery() {
  const queue: ((results: any[]) => void)[] = [];
  const results: any[] = [];
  const q: any = {
    in: () => q,
    select: () => node(false),
    selectAll: () => node(true),
    selectViewport: () => node(false),
    exec: (cb?: (res: any[]) => void) => {
      Promise.resolve().then(() => {
        queue.forEach((fn) => fn(results));
        cb?.(results);
      });
      return q;
    },
  };
  const node = (all: boolean) => {
    const push = (value: any, cb?: (v: any) => void) => {
      results.push(all ? [] : value);
      if (cb) queue.push(() => cb(all ? [] : value));
      return q;
    };
    return {
      boundingClientRect: (cb?: (v: any) => void) => push({ top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 }, cb),
      scrollOffset: (cb?: (v: any) => void) => push({ scrollTop: 0, scrollLeft: 0 }, cb),
      fields: (_f: unknown, cb?: (v: any) => void) => push({}, cb),
      node: (cb?: (v: any) => void) => push(null, cb),
    };
  };
  return q;
}

/** Arguments without the callbacks, so recorded calls compare as plain data. */
function strip(args: any) {
  if (!args || typeof args !== 'object') return args;
  const { success: _s, fail: _f, complete: _c, ...rest } = args;
  return rest;
}
