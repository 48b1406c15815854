import Taro from '@tarojs/taro';

/** Short notices. Taro's own toast, so it looks native on weapp and needs no mounted host element. */
export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 }).catch(() => undefined);
}

export function toastInfo(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2000 }).catch(() => undefined);
}

const COMING_SOON = '该功能即将上线';
export const toastComingSoon = () => toastInfo(COMING_SOON);
