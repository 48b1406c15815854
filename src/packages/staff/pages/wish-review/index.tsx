import { AsyncView, EmptyState } from '@/components/state-views';
import { Section } from '@/components/section';
import { StaffWishList } from '@/features/wishes/staff-wish-list';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** 心愿审核: submitted wishes in the staff member's scope, oldest first; open one to publish or reject. */
export default function WishReviewPage() {
  const { state, reload } = useAsync(() => call('wish', 'reviewQueue').then((r) => r.items), []);
  useReloadOnShow(() => reload());
  return (
    <PageRoot>
      <Section title="待审核的心愿">
        <AsyncView state={state} onRetry={() => void reload()} isEmpty={(d) => d.length === 0} empty={<EmptyState title="没有待审核的心愿" />}>
          {(items) => <StaffWishList items={items} mode="review" />}
        </AsyncView>
      </Section>
    </PageRoot>
  );
}
