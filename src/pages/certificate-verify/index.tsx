import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CertificateVerification } from '@/domain/certificate';
import { toastMessage } from '@/lib/field-errors';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { Section } from '@/components/section';
import { CertificateCard } from '@/features/records/certificate-card';
import { call } from '@/lib/cloud';

/** Public: anyone holding a certificate checks its number and code (opened with ?no=&code= from the printed one). */
export default function CertificateVerifyPage() {
  const { params } = useRouter();
  const [no, setNo] = useState(params.no ?? '');
  const [code, setCode] = useState(params.code ?? '');
  const [result, setResult] = useState<CertificateVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async (n = no, c = code) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('checkin', 'verifyCertificate', { certificateNo: n.trim(), code: c.trim() }));
    } catch (e) {
      setResult(null);
      setError(toastMessage(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (params.no && params.code) void verify(params.no, params.code);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <View className="page page-certificate-verify">
      <Section title="证明核验">
        <FormField name="certificateNo" label="证明编号">
          <TextInput className="e2e-input-certificateNo" value={no} maxLength={16} placeholder="ZY 开头的 16 位编号" onChange={setNo} />
        </FormField>
        <FormField name="code" label="验证码">
          <TextInput className="e2e-input-code" value={code} maxLength={8} placeholder="8 位字母或数字" onChange={setCode} />
        </FormField>
        <View className="form-actions">
          <AppButton className="e2e-verify-submit" type="primary" block loading={busy} onClick={() => void verify()}>
            核验
          </AppButton>
        </View>
      </Section>
      {error && <View className="verify-result verify-result--fake e2e-verify-error">{error}</View>}
      {result?.genuine === false && <View className="verify-result verify-result--fake e2e-verify-fake">{result.message}</View>}
      {result?.genuine && (
        <>
          <View className="verify-result verify-result--genuine e2e-verify-genuine">
            <Text>该证明真实有效，由{result.certificate.communityName}出具。</Text>
          </View>
          <CertificateCard certificate={result.certificate} />
        </>
      )}
    </View>
  );
}
