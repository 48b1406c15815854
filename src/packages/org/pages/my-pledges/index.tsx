import { PageRoot } from '@/components/page-root';
import { MyPledges } from '@/features/org/my-pledges';

export default function MyPledgesPage() {
  return (
    <PageRoot className="page-my-pledges">
      <MyPledges />
    </PageRoot>
  );
}
