import { View } from '@tarojs/components';
import { useAsync } from '@/lib/use-async';
import { AsyncView } from '@/components/state-views';
import { ListCell, ListGroup } from '@/components/list-cell';
import { Section } from '@/components/section';
import { CertificateIssuer } from '@/features/records/certificate-issuer';
import { call } from '@/lib/cloud';

export default function CertificatePage() {
  const { state, reload } = useAsync(() => call('checkin', 'myCertificates').then((r) => r.items), []);
  return (
    <View className="page page-certificate">
      <Section title="开具志愿服务记录证明">
        <CertificateIssuer onIssued={() => void reload()} />
      </Section>
      <AsyncView state={state} onRetry={() => void reload()} isEmpty={(items) => items.length === 0} empty={<View />}>
        {(items) => (
          <ListGroup title="已开具的证明">
            {items.map((c) => (
              <ListCell key={c.certificateNo} title={`${c.from} 至 ${c.to} · ${c.hours} 小时`} description={`编号 ${c.certificateNo} · 验证码 ${c.verificationCode}`} extra={c.issuedOn} />
            ))}
          </ListGroup>
        )}
      </AsyncView>
    </View>
  );
}
