import { PageRoot } from '@/components/page-root';
import { CheckinLedger } from '@/features/ledger-views/checkin-ledger';
import { CommunityScope } from '@/features/ledger-views/scopes';

export default function CheckinLedgerPage() {
  return (
    <PageRoot className="page-checkin-ledger">
      <CommunityScope>{(community) => <CheckinLedger communityId={community.id} />}</CommunityScope>
    </PageRoot>
  );
}
