import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import type { CertificateView } from '@/domain/certificate';
import { formatShanghaiDate } from '@/domain/shanghai-time';
import { useAction } from '@/lib/use-action';
import { requestIdFor, type PendingRequest } from '@/lib/request-id';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { CertificateCard } from './certificate-card';
import { CertificateSaveBar } from './certificate-share';

/** Choose a period, issue the 志愿服务记录证明 for it, show it to save or print. */
export function CertificateIssuer({ onIssued }: { onIssued: () => void }) {
  const today = formatShanghaiDate(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [issued, setIssued] = useState<CertificateView | null>(null);
  const { run, busy, errors } = useAction({ fields: ['from', 'to'] });
  const pending = useRef<PendingRequest | null>(null);

  const issue = async () => {
    pending.current = requestIdFor(pending.current, { from, to });
    const certificate = await run('checkin', 'issueCertificate', { from: from.trim(), to: to.trim(), requestId: pending.current.requestId });
    if (!certificate) return;
    setIssued(certificate);
    pending.current = null;
    onIssued();
  };

  return (
    <View>
      <FormField name="from" label="起始日期" error={errors.from}>
        <TextInput className="e2e-input-from" value={from} maxLength={10} onChange={setFrom} />
      </FormField>
      <FormField name="to" label="截止日期" error={errors.to}>
        <TextInput className="e2e-input-to" value={to} maxLength={10} onChange={setTo} />
      </FormField>
      <View className="form-actions">
        <AppButton className="e2e-issue-certificate" type="primary" block loading={busy} onClick={() => void issue()}>
          开具证明
        </AppButton>
      </View>
      {issued && (
        <>
          <CertificateCard certificate={issued} />
          <CertificateSaveBar certificate={issued} />
        </>
      )}
    </View>
  );
}
