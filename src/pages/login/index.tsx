import { EmptyState } from '@/components/state-views';
import { PersonaPicker } from '@/features/session/persona-picker';
import { devLoginEnabled } from '@/lib/session';
import { PageRoot } from '@/components/page-root';

export default function LoginPage() {
  return (
    <PageRoot className="page-login">
      {devLoginEnabled() ? (
        <PersonaPicker />
      ) : (
        <EmptyState title="仅本地开发环境可用" description="正式环境中身份即微信用户" />
      )}
    </PageRoot>
  );
}
