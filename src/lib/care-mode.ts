import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

/**
 * 关怀模式 (长辈模式): larger text and buttons. The class on the root switches the CSS variables of src/app.scss, so
 * every page and NutUI follow it without knowing about it.
 */
const KEY = 'careMode';
const CARE_CLASS = 'care-mode';
/** Tells every mounted page (weapp keeps the pages below in the stack) that the switch changed. */
const CHANGED = 'careModeChanged';

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
  // Taro's weapp runtime has a document of its own that is never drawn: only H5 has a real <html>.
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined' || !document.documentElement) return;
  document.documentElement.classList.toggle(CARE_CLASS, on);
}

function setCareMode(on: boolean): void {
  Taro.setStorageSync(KEY, on);
  applyCareMode(on);
  Taro.eventCenter.trigger(CHANGED, on);
}

/** The switch's state, re-read whenever the page shows and whenever the switch changes on any page. */
export function useCareMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(careModeOn);
  useDidShow(() => setOn(careModeOn()));
  useEffect(() => {
    const onChange = (next: boolean) => setOn(next);
    Taro.eventCenter.on(CHANGED, onChange);
    return () => void Taro.eventCenter.off(CHANGED, onChange);
  }, []);
  return [
    on,
    (next: boolean) => {
      setCareMode(next);
      setOn(next);
    },
  ];
}

/**
 * The class a page's root carries (see src/components/page-root.tsx). A mini-program has no <html>: each page's root
 * takes `care-mode`, and the variables of src/app.scss follow below it. On H5 <html> already has it.
 */
export function useCareClass(): string {
  const [on] = useCareMode();
  return process.env.TARO_ENV === 'weapp' && on ? CARE_CLASS : '';
}
