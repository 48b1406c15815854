/**
 * Saving and sharing a certificate on H5 (and the default for tests): the image is drawn on a canvas and downloaded;
 * 存为 PDF prints that image, where the browser's print dialog offers 另存为 PDF. The weapp build takes
 * certificate-image.weapp.ts instead.
 */
import type { CertificateView } from '@/domain/certificate';
import { CERTIFICATE_IMAGE, certificateFileName, drawCertificate, type Canvas2D } from './certificate-drawing';

export const canSaveAsPdf = true;

function pngDataUrl(certificate: CertificateView, link: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = CERTIFICATE_IMAGE.width;
  canvas.height = CERTIFICATE_IMAGE.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('当前浏览器不支持生成图片，请截图保存');
  drawCertificate(ctx as unknown as Canvas2D, certificate, link);
  return canvas.toDataURL('image/png');
}

/** Downloads the certificate as a PNG. */
export async function saveCertificateImage(certificate: CertificateView, link: string): Promise<string> {
  const a = document.createElement('a');
  a.href = pngDataUrl(certificate, link);
  a.download = `${certificateFileName(certificate)}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return '图片已下载';
}

/** Hands the image to the phone's share sheet where the browser has one, else downloads it. */
export async function shareCertificateImage(certificate: CertificateView, link: string): Promise<string> {
  const blob = await (await fetch(pngDataUrl(certificate, link))).blob();
  const file = new File([blob], `${certificateFileName(certificate)}.png`, { type: 'image/png' });
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: '志愿服务记录证明' });
      return '已分享';
    } catch {
      return '已取消分享';
    }
  }
  return saveCertificateImage(certificate, link);
}

/** Opens the image in a print view: 打印 or 另存为 PDF. */
export async function saveCertificatePdf(certificate: CertificateView, link: string): Promise<string> {
  const view = window.open('', '_blank');
  if (!view) throw new Error('浏览器拦截了打印窗口，请允许弹出窗口后重试');
  const title = certificateFileName(certificate);
  view.document.write(
    `<!doctype html><title>${title}</title><style>@page{margin:12mm}body{margin:0;text-align:center}img{width:100%;max-width:180mm}</style>` +
      `<img src="${pngDataUrl(certificate, link)}" onload="setTimeout(function(){print()},50)">`,
  );
  view.document.close();
  return '请在打印窗口中选择「另存为 PDF」';
}
