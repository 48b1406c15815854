import { AppButton } from '@/components/app-button';
import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { StaffWishList } from '@/features/wishes/staff-wish-list';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** 认领督办: open claims by deadline; remind those past day 7, release overdue ones from their detail page. */
export default function WishChasePage() {
  const { state, reload } = useAsync(() => call('wish', 'chaseList').then((r) => r.items), []);
  const { run, busy } = useAction();
  useReloadOnShow(() => reload());
  const remind = async () => {
    const done = await run('wish', 'sendReminders', {}, { done: ({ reminded }) => (reminded ? `已提醒 ${reminded} 人` : '没有需要提醒的认领') });
    if (done) void reload();
  };
  return (
    <PageRoot>
      <Section
        title="认领中的心愿"
        extra={
          <AppButton className="e2e-send-reminders" size="small" type="primary" loading={busy} onClick={() => void remind()}>
            提醒临期认领
          </AppButton>
        }
      >
        <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.length === 0} empty={<EmptyState title="没有进行中的认领" />}>
          {(items) => <StaffWishList items={items} mode="chase" />}
        </AsyncView>
      </Section>
    </PageRoot>
  );
}
