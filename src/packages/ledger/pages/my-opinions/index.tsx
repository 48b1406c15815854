import { PageRoot } from '@/components/page-root';
import { MyOpinions } from '@/features/ledger-views/my-opinions';

export default function MyOpinionsPage() {
  return (
    <PageRoot className="page-my-opinions">
      <MyOpinions />
    </PageRoot>
  );
}
