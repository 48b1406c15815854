import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './bottom-bar.scss';

/**
 * The primary actions of a form or detail, WeUI style: one row held at the bottom of the screen, above the home
 * indicator (safe-area inset), within a thumb's reach while the person reads or fills in what it acts on. It is
 * sticky, not fixed: it keeps its place after the content, so when the content is scrolled to its end the bar sits
 * below it and covers nothing. Place it as the last child of the element it acts on (the form, the detail).
 */
export function BottomBar({ children, className }: { children: ReactNode; className?: string }) {
  return <View className={`bottom-bar e2e-bottom-bar${className ? ` ${className}` : ''}`}>{children}</View>;
}
