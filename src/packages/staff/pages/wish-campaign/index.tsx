import { AsyncView } from '@/components/state-views';
import { Section } from '@/components/section';
import { useMe } from '@/lib/use-me';
import { CampaignBoard } from '@/features/wishes/campaign-board';
import { CampaignForm } from '@/features/wishes/campaign-form';
import { useAsync } from '@/lib/use-async';
import '@/features/wishes/wishes.scss';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';

/** 心愿活动 (league staff): campaigns published at a set time, and which wishes go into them. */
export default function WishCampaignPage() {
  const me = useMe();
  const board = useAsync(() => Promise.all([call('wish', 'listCampaigns').then((r) => r.items), call('wish', 'reviewQueue').then((r) => r.items)]), []);
  return (
    <PageRoot>
      <Section title="活动列表">
        <AsyncView state={board.state} onRetry={() => void board.reload()}>
          {([campaigns, queue]) => <CampaignBoard campaigns={campaigns} queue={queue} onChanged={() => void board.reload()} />}
        </AsyncView>
      </Section>
      <Section title="新建活动">
        <AsyncView state={me.state} onRetry={() => void me.reload()}>
          {(data) => <CampaignForm me={data} onCreated={() => void board.reload()} />}
        </AsyncView>
      </Section>
    </PageRoot>
  );
}
