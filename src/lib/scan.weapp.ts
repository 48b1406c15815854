/** Codes on weapp; Taro resolves `@/lib/scan` to this file for the weapp build. */
import Taro from '@tarojs/taro';
import type { ScanOptions, ScanResult } from './scan';

export type { ScanResult } from './scan';

export const canScanCode = true;

/** WeChat's scanner; null when the person cancels. */
export async function scanCode(options: ScanOptions = {}): Promise<ScanResult | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: options.cameraOnly === true });
    return { path: res.path, result: res.result };
  } catch {
    return null;
  }
}

/** Which community code to draw: the mini program code. */
export function communityCodeTarget(): { target: 'weapp' } | { target: 'h5'; h5Origin?: string } {
  return { target: 'weapp' };
}

export const SAVE_CODE_HINT = '长按图片保存，打印后张贴在社区醒目位置。党员用微信扫码即可报到。';
