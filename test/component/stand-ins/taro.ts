/**
 * @tarojs/taro in jest (jsdom): every API is a jest mock, so a test arranges what the platform answers
 * (`Taro.request` for a function call on H5, `Taro.showModal` for a confirmation) and reads what the screen asked
 * of it (a toast, a navigation). Page lifecycle hooks do nothing: outside Taro's runtime no page is shown or loaded.
 */
const resolved = () => jest.fn(async () => ({}));

const storage = new Map<string, unknown>();

const api = {
  request: resolved(),
  showToast: resolved(),
  hideToast: resolved(),
  showLoading: resolved(),
  hideLoading: resolved(),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
  navigateTo: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  switchTab: resolved(),
  navigateBack: resolved(),
  requestSubscribeMessage: resolved(),
  getLocation: resolved(),
  scanCode: resolved(),
  chooseImage: resolved(),
  chooseMedia: resolved(),
  uploadFile: resolved(),
  previewImage: resolved(),
  makePhoneCall: resolved(),
  setClipboardData: resolved(),
  getCurrentPages: jest.fn(() => []),
  getEnv: jest.fn(() => 'WEB'),
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getStorageSync: jest.fn((key: string) => storage.get(key) ?? ''),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  cloud: { init: jest.fn(), callFunction: resolved(), uploadFile: resolved() },
  eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() },
};

export type TaroStandIn = typeof api;

const Taro = api;
export default Taro;

export const useDidShow = (_callback: () => void): void => undefined;
export const useDidHide = (_callback: () => void): void => undefined;
export const useLoad = (_callback: (options: Record<string, string>) => void): void => undefined;
export const usePullDownRefresh = (_callback: () => void): void => undefined;
export const useReachBottom = (_callback: () => void): void => undefined;
export const useShareAppMessage = (_callback: () => unknown): void => undefined;
export const useRouter = () => ({ params: {} as Record<string, string>, path: '' });
export const getCurrentInstance = () => ({ router: { params: {} as Record<string, string>, path: '' } });
