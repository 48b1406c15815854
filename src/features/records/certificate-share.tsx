import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { CertificateView } from '@/domain/certificate';
import { AppButton } from '@/components/app-button';
import { toastInfo, toastSuccess } from '@/components/toast';
import { canSaveAsPdf, saveCertificateImage, saveCertificatePdf, shareCertificateImage } from '@/lib/certificate-image';
import { qrImageUrl } from '@/lib/qr';
import { certificateVerifyLink } from '@/lib/verify-link';

/** The QR on a certificate: it opens 证明核验 with the number and code filled in, which checks at once. */
export function CertificateQr({ certificateNo, code }: { certificateNo: string; code: string }) {
  const link = certificateVerifyLink(certificateNo, code);
  const label = `证明核验二维码，编号 ${certificateNo}`;
  return (
    <View className="certificate__qr-block">
      <Image className="certificate__qr e2e-certificate-qr" src={qrImageUrl(link)} mode="aspectFit" showMenuByLongpress ariaLabel={label} nativeProps={{ alt: label }} />
      <Text className="certificate__qr-hint">扫码核验本证明</Text>
    </View>
  );
}

type Way = 'image' | 'share' | 'pdf';
const TASKS: Record<Way, (c: CertificateView, link: string) => Promise<string>> = {
  image: saveCertificateImage,
  share: shareCertificateImage,
  pdf: saveCertificatePdf,
};

/** 保存图片 / 分享 / 存为 PDF (H5) of one certificate, QR included. */
export function CertificateSaveBar({ certificate }: { certificate: CertificateView }) {
  const [busy, setBusy] = useState<Way | null>(null);
  const go = async (way: Way) => {
    if (busy) return;
    setBusy(way);
    try {
      const message = await TASKS[way](certificate, certificateVerifyLink(certificate.certificateNo, certificate.verificationCode));
      if (message) toastSuccess(message);
    } catch (error) {
      toastInfo(error instanceof Error && error.message ? error.message : '操作失败，请稍后重试');
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="certificate-save form-actions">
      <AppButton className="e2e-certificate-save-image" type="primary" block loading={busy === 'image'} onClick={() => void go('image')}>
        保存为图片
      </AppButton>
      <AppButton className="e2e-certificate-share" block fill="outline" loading={busy === 'share'} onClick={() => void go('share')}>
        分享
      </AppButton>
      {canSaveAsPdf && (
        <AppButton className="e2e-certificate-save-pdf" block fill="outline" loading={busy === 'pdf'} onClick={() => void go('pdf')}>
          打印或存为 PDF
        </AppButton>
      )}
    </View>
  );
}
