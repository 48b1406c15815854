import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { certificateLinkParams, type CertificateVerification } from '@/domain/certificate';
import { canScanCode, scanCode } from '@/lib/scan';
import { toastInfo } from '@/components/toast';
import { toastMessage } from '@/lib/field-errors';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { Section } from '@/components/section';
import { CertificateCard } from '@/features/records/certificate-card';
import { call } from '@/lib/cloud';
import { PageRoot } from '@/components/page-root';

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

  // The certificate's QR carries its verify link (an H5 address or the page path): read the number and code from it.
  const scan = async () => {
    const scanned = await scanCode();
    if (!scanned) return;
    const found = certificateLinkParams(`${scanned.path ?? ''} ${scanned.result ?? ''}`);
    if (!found) return toastInfo('这不是志愿服务记录证明的二维码');
    setNo(found.no);
    setCode(found.code);
    await verify(found.no, found.code);
  };

  useEffect(() => {
    if (params.no && params.code) void verify(params.no, params.code);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <PageRoot className="page-certificate-verify">
      <Section title="证明核验">
        {canScanCode ? (
          <View className="form-actions">
            <AppButton className="e2e-verify-scan" type="primary" block onClick={() => void scan()}>
              扫描证明上的二维码
            </AppButton>
          </View>
        ) : (
          <Text className="verify-hint e2e-verify-hint">用手机相机扫描证明上的二维码即可打开本页并自动核验，也可在下方输入编号和验证码。</Text>
        )}
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
    </PageRoot>
  );
}
