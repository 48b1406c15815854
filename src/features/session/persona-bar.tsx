import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { currentPersona, type CurrentPersona } from '@/lib/dev-login';
import { devLoginEnabled } from '@/lib/session';
import './persona-bar.scss';
import { LOGIN_PAGE } from '@/routes';

/** Local H5 only: who the app is acting as, and the way to switch. */
export function PersonaBar() {
  const [persona, setPersona] = useState<CurrentPersona | null>(() => currentPersona());
  useDidShow(() => setPersona(currentPersona()));
  if (!devLoginEnabled()) return null;
  return (
    <View className="persona-bar e2e-persona-bar">
      <Text className="persona-bar__label">本地演示身份：</Text>
      <Text className="persona-bar__name e2e-current-persona">{persona ? persona.label : '未选择'}</Text>
      <Text className="persona-bar__switch e2e-switch-persona" onClick={() => void Taro.navigateTo({ url: LOGIN_PAGE })}>
        切换身份
      </Text>
    </View>
  );
}
