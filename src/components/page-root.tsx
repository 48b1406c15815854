import type { CSSProperties, ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useCareClass } from '@/lib/care-mode';
import { NavBar } from '@/lib/nav-bar';

/**
 * Every page's root. It carries 关怀模式 on weapp, which has no <html> to put the class on, and on H5 the title bar
 * with 返回 that WeChat draws itself on weapp.
 */
export function PageRoot({ className, style, children }: { className?: string; style?: CSSProperties; children: ReactNode }) {
  const care = useCareClass();
  return (
    <View className={['page', care, className].filter(Boolean).join(' ')} style={style}>
      <NavBar />
      {children}
    </View>
  );
}
