import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';

/**
 * 关怀模式 (长辈模式): larger text and buttons. The class on the root switches the CSS variables of src/app.scss, so
 * every page and NutUI follow it without knowing about it.
 */
const KEY = 'careMode';
const CARE_CLASS = 'care-mode';

/**
 * WeChat's own font-size setting (设置 › 通用 › 字体大小), in px; 17 is the standard size. Someone who made WeChat's
 * text larger gets 关怀模式 until they choose otherwise in 我的. A browser has its own zoom, so H5 starts standard.
 */
function systemLargeText(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as { fontSizeSetting?: number };
    return typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 17;
  } catch {
    return false;
  }
}

/** The person's choice, remembered on this phone; without one, the system's text size decides. */
function careModeOn(): boolean {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(KEY);
  } catch {
    stored = undefined;
  }
  return typeof stored === 'boolean' ? stored : systemLargeText();
}

/** H5 has one document: the class goes on <html>. On weapp each page's root takes `careClass()` instead. */
export function applyCareMode(on = careModeOn()): void {
  if (typeof document !== 'undefined' && document.documentElement) document.documentElement.classList.toggle(CARE_CLASS, on);
}

function setCareMode(on: boolean): void {
  Taro.setStorageSync(KEY, on);
  applyCareMode(on);
}

/** The switch's state, re-read whenever the page shows (it may have changed on another page). */
export function useCareMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(careModeOn);
  useDidShow(() => setOn(careModeOn()));
  return [
    on,
    (next: boolean) => {
      setCareMode(next);
      setOn(next);
    },
  ];
}
