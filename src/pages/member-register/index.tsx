import { useEffect } from 'react';
import { CHECKIN_URL, ROUTES } from '@/routes';
import Taro from '@tarojs/taro';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { toastSuccess } from '@/components/toast';
import { MemberForm } from '@/features/profile/member-form';
import { PolicyNote } from '@/features/privacy/privacy-entry';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';
import { setPageTitle } from '@/lib/nav-bar';

/** The page under this one, if the form was opened from another page (not reloaded or opened directly). */
const previousRoute = (): string | null => {
  const pages = Taro.getCurrentPages();
  return pages.length > 1 ? `/${String(pages[pages.length - 2]?.route ?? '').replace(/^\//, '')}` : null;
};

const backToMe = () => {
  if (previousRoute()) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.me });
};

/** After a first registration the next step is 报到 (scan the community code or choose the community). */
const onToCheckin = () => {
  if (previousRoute() === CHECKIN_URL) void Taro.navigateBack();
  else void Taro.redirectTo({ url: CHECKIN_URL });
};

export default function MemberRegisterPage() {
  const { state, reload } = useAsync(() => Promise.all([call('user', 'me'), call('user', 'listUnits').then((r) => r.items)]), []);
  const editing = !!state.data?.[0].profile;

  useEffect(() => {
    if (editing) setPageTitle('编辑资料');
  }, [editing]);

  return (
    <PageRoot className="page-member-register">
      <AsyncView state={state} onRetry={() => void reload()}>
        {([me, units]) => (
          <MemberForm
            units={units}
            profile={me.profile}
            onSaved={() => {
              toastSuccess(editing ? '保存成功' : '登记成功');
              // Long enough to read the toast; it stays up across the navigation anyway.
              setTimeout(editing ? backToMe : onToCheckin, 800);
            }}
          />
        )}
      </AsyncView>
      <PolicyNote />
    </PageRoot>
  );
}
