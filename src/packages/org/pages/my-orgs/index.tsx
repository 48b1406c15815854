import { PageRoot } from '@/components/page-root';
import { MyOrgs } from '@/features/org/my-orgs';

export default function MyOrgsPage() {
  return (
    <PageRoot className="page-my-orgs">
      <MyOrgs />
    </PageRoot>
  );
}
