import { PageRoot } from '@/components/page-root';
import { QUESTION_STATUS_LABELS } from '@/domain/question.schema';
import { CommunityLedger } from '@/features/ledger-views/community-ledger';
import { CommunityScope } from '@/features/ledger-views/scopes';

export default function QuestionLedgerPage() {
  return (
    <PageRoot className="page-question-ledger">
      <CommunityScope>{(community) => <CommunityLedger table="questionLedger" title="问题台账" communityId={community.id} statuses={QUESTION_STATUS_LABELS} />}</CommunityScope>
    </PageRoot>
  );
}
