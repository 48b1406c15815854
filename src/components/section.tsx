import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './section.scss';

/** A titled card on a page. */
export function Section({ title, extra, children, className }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <View className={`section ${className ?? ''}`}>
      {(title || extra) && (
        <View className="section__head">
          <Text className="section__title">{title}</Text>
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}
