import { PageRoot } from '@/components/page-root';
import { OpinionForm } from '@/features/ledger-views/opinion-form';
import { CommunityScope } from '@/features/ledger-views/scopes';

export default function OpinionsPage() {
  return (
    <PageRoot className="page-opinions">
      <CommunityScope>{(community) => <OpinionForm communityId={community.id} />}</CommunityScope>
    </PageRoot>
  );
}
