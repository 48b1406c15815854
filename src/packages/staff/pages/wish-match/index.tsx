import { AsyncView } from '@/components/state-views';
import { Section } from '@/components/section';
import { OfferMatcher } from '@/features/wishes/offer-matcher';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';
import { useReloadOnShow } from '@/lib/use-reload-on-show';

/** 意向匹配: offers from members and units, each matched to a wish on the wall. */
export default function WishMatchPage() {
  const data = useAsync(() => Promise.all([call('wish', 'listOffers').then((r) => r.items), call('wish', 'wall', { ...{}, page: 0 }).then((w) => w.items)]), []);
  useReloadOnShow(() => data.reload());
  return (
    <PageRoot>
      <Section title="认领意向">
        <AsyncView state={data.state} onRetry={() => void data.reload()}>
          {([offers, wishes]) => <OfferMatcher offers={offers} wishes={wishes} onChanged={() => void data.reload()} />}
        </AsyncView>
      </Section>
    </PageRoot>
  );
}
