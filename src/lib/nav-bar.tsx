import Taro, { getCurrentInstance } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROUTES } from '@/routes';
import './nav-bar.scss';

/** Tab pages are reached from the tab bar: no 返回 there (as on weapp). The persona picker is a local tool. */
const NO_BAR: string[] = [ROUTES.home, ROUTES.wishes, ROUTES.qa, ROUTES.me, ROUTES.login];

/**
 * The title bar WeChat draws above every weapp page, for H5: the page's title (its `navigationBarTitleText`) and a
 * ≥ 44 px 返回. Nothing on weapp, which has its own. A page opened directly (a shared link, the community QR) has
 * nothing below it: 返回 then goes to 首页.
 */
export function NavBar() {
  if (process.env.TARO_ENV !== 'h5') return null;
  return <H5NavBar />;
}

const TITLE_EVENT = 'page-title';

const currentPath = (): string => `/${String(getCurrentInstance().router?.path ?? '').split('?')[0].replace(/^\//, '')}`;

/**
 * A title the page sets at run time (编辑资料 instead of 登记信息): WeChat's own bar on weapp, this page's bar on H5
 * (Taro's H5 `setNavigationBarTitle` only changes `document.title`).
 */
export function setPageTitle(title: string): void {
  void Taro.setNavigationBarTitle({ title });
  if (process.env.TARO_ENV === 'h5') Taro.eventCenter.trigger(TITLE_EVENT, currentPath(), title);
}

function H5NavBar() {
  // Read once, while this page is the current one: later renders may happen while another page is on top.
  const [{ path, title: configured }] = useState(() => {
    const current = getCurrentInstance();
    const config = (current.page as { config?: { navigationBarTitleText?: string } } | null)?.config;
    return {
      path: currentPath(),
      title: config?.navigationBarTitleText ?? (typeof document === 'undefined' ? '' : document.title),
    };
  });
  const [runtimeTitle, setRuntimeTitle] = useState<string | null>(null);
  useEffect(() => {
    // Only this page's own title: the event names the page that set it.
    const onTitle = (from: string, next: string) => {
      if (from === path) setRuntimeTitle(next);
    };
    Taro.eventCenter.on(TITLE_EVENT, onTitle);
    return () => {
      Taro.eventCenter.off(TITLE_EVENT, onTitle);
    };
  }, [path]);
  const title = runtimeTitle ?? configured;
  if (NO_BAR.includes(path)) return null;
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: ROUTES.home });
  };
  return (
    <View className="h5-nav-bar e2e-nav-bar">
      <View className="h5-nav-bar__back e2e-nav-back" ariaRole="button" ariaLabel="返回" {...{ role: 'button', 'aria-label': '返回' }} onClick={back}>
        <Text>‹ 返回</Text>
      </View>
      <Text className="h5-nav-bar__title e2e-nav-title" {...{ role: 'heading', 'aria-level': 1 }}>
        {title}
      </Text>
    </View>
  );
}
