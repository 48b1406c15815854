import { PageRoot } from '@/components/page-root';
import { SERVICE_LOG_STATUS_LABELS } from '@/domain/service-log.schema';
import { CommunityLedger } from '@/features/ledger-views/community-ledger';
import { CommunityScope } from '@/features/ledger-views/scopes';

export default function ServiceLedgerPage() {
  return (
    <PageRoot className="page-service-ledger">
      <CommunityScope>{(community) => <CommunityLedger table="serviceLedger" title="服务纪实台账" communityId={community.id} statuses={SERVICE_LOG_STATUS_LABELS} />}</CommunityScope>
    </PageRoot>
  );
}
