import { PageRoot } from '@/components/page-root';
import { PrivacyPolicyView } from '@/features/privacy/privacy-policy-view';

/** 隐私政策: public, readable without signing in. */
export default function PrivacyPolicyPage() {
  return (
    <PageRoot className="page-privacy-policy">
      <PrivacyPolicyView />
    </PageRoot>
  );
}
