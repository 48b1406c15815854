import { View } from '@tarojs/components';
import { AsyncView } from '@/components/state-views';
import { useMe } from '@/lib/use-me';
import { AdminConsole } from '@/features/admin/admin-console';

export default function AdminConsolePage() {
  const { state, reload } = useMe();
  return (
    <View className="page page-admin">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => <AdminConsole me={me} />}
      </AsyncView>
    </View>
  );
}
