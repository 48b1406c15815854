import { useState } from 'react';
import { ROUTES } from '@/routes';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { currentPersona, devLogin, listPersonas, type Persona } from '@/lib/dev-login';
import { toastMessage } from '@/lib/field-errors';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { ListCell, ListGroup } from '@/components/list-cell';
import { toastInfo } from '@/components/toast';
import './persona-picker.scss';

const personaHook = (p: Persona) => (p.role === 'new_member' || p.openid.startsWith('new-member-') ? 'e2e-persona-new-member' : `e2e-persona-${p.openid}`);

/** Local dev login: pick who to be. Exists only in local H5 builds. */
export function PersonaPicker() {
  const { state, reload } = useAsync(listPersonas, []);
  const [busy, setBusy] = useState<string | null>(null);
  const current = currentPersona();

  const choose = async (p: Persona) => {
    if (busy) return;
    setBusy(p.openid);
    try {
      await devLogin(p);
      await Taro.reLaunch({ url: ROUTES.home });
    } catch (error) {
      toastInfo(toastMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="persona-picker">
      <View className="persona-picker__intro">
        <Text className="persona-picker__title">选择演示身份</Text>
        <Text className="persona-picker__note">本地开发环境专用：以所选身份调用本地云函数。正式小程序中身份即微信用户。</Text>
      </View>
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <ListGroup className="e2e-persona-list">
            {list.map((p) => (
              <ListCell
                key={p.openid}
                className={`e2e-persona ${personaHook(p)}`}
                title={p.label}
                description={p.description}
                extra={busy === p.openid ? '登录中…' : current?.openid === p.openid ? '当前' : ''}
                onClick={() => void choose(p)}
              />
            ))}
          </ListGroup>
        )}
      </AsyncView>
    </View>
  );
}
