import { View } from '@tarojs/components';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { Section } from '@/components/section';
import { CertificateIssuer } from '@/features/records/certificate-issuer';
import { IssuedCertificates } from '@/features/records/issued-certificates';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';

export default function CertificatePage() {
  const { state, reload } = useAsync(() => call('checkin', 'myCertificates').then((r) => r.items), []);
  return (
    <PageRoot className="page-certificate">
      <Section title="开具志愿服务记录证明">
        <CertificateIssuer onIssued={() => void reload()} />
      </Section>
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(items) => items.length === 0} empty={<View />}>
        {(items) => <IssuedCertificates items={items} />}
      </AsyncView>
    </PageRoot>
  );
}
