import { Text, View } from '@tarojs/components';
import type { CertificateView } from '@/domain/certificate';
import { CertificateQr } from './certificate-share';
import './records.scss';

/** 志愿服务记录证明 as printed: number, name, period, hours and content, issuer, date, verification code. */
export function CertificateCard({ certificate }: { certificate: Omit<CertificateView, 'verificationCode'> & { verificationCode?: string } }) {
  return (
    <View className="certificate e2e-certificate">
      <Text className="certificate__title">志愿服务记录证明</Text>
      <Text className="certificate__no e2e-certificate-no">{`编号：${certificate.certificateNo}`}</Text>
      <Text className="certificate__body">
        {`兹证明 ${certificate.memberName} 同志于 ${certificate.from} 至 ${certificate.to} 期间，在社区参加志愿服务 ${certificate.activities} 次，经社区确认的服务时长共计 `}
        <Text className="e2e-certificate-hours">{`${certificate.hours} 小时`}</Text>
        {`。服务内容：${certificate.summary}。`}
      </Text>
      <Text className="certificate__sign">{certificate.communityName}</Text>
      <Text className="certificate__sign">{certificate.issuedOn}</Text>
      {certificate.verificationCode && <Text className="certificate__code e2e-certificate-code">{`验证码：${certificate.verificationCode}（可在「我的 › 证明核验」中查验）`}</Text>}
      {certificate.verificationCode && <CertificateQr certificateNo={certificate.certificateNo} code={certificate.verificationCode} />}
    </View>
  );
}
