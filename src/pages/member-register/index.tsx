import { useEffect } from 'react';
import { ROUTES } from '@/routes';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { toastSuccess } from '@/components/toast';
import { MemberForm } from '@/features/profile/member-form';
import { call } from '@/lib/cloud';

const backToMe = () => {
  Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.me }));
};

export default function MemberRegisterPage() {
  const { state, reload } = useAsync(() => Promise.all([call('user', 'me'), call('user', 'listUnits').then((r) => r.items)]), []);
  const editing = !!state.data?.[0].profile;

  useEffect(() => {
    if (editing) void Taro.setNavigationBarTitle({ title: '编辑资料' });
  }, [editing]);

  return (
    <View className="page page-member-register">
      <AsyncView state={state} onRetry={() => void reload()}>
        {([me, units]) => (
          <MemberForm
            units={units}
            profile={me.profile}
            onSaved={() => {
              toastSuccess(editing ? '保存成功' : '登记成功');
              // Long enough to read the toast; it stays up across the navigation anyway.
              setTimeout(backToMe, 800);
            }}
          />
        )}
      </AsyncView>
    </View>
  );
}
