import { AsyncView } from '@/components/state-views';
import { useMe } from '@/lib/use-me';
import { AdminConsole } from '@/features/admin/admin-console';
import { PageRoot } from '@/components/page-root';

export default function AdminConsolePage() {
  const { state, reload } = useMe();
  return (
    <PageRoot className="page-admin">
      <AsyncView state={state} onRetry={() => void reload()}>
        {(me) => <AdminConsole me={me} />}
      </AsyncView>
    </PageRoot>
  );
}
