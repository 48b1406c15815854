import { PageRoot } from '@/components/page-root';
import { WISH_STATUS_LABELS } from '@/domain/wish-machine';
import { CommunityLedger } from '@/features/ledger-views/community-ledger';
import { CommunityScope } from '@/features/ledger-views/scopes';

export default function WishLedgerPage() {
  return (
    <PageRoot className="page-wish-ledger">
      <CommunityScope>{(community) => <CommunityLedger table="wishLedger" title="微心愿台账" communityId={community.id} statuses={WISH_STATUS_LABELS} />}</CommunityScope>
    </PageRoot>
  );
}
