/**
 * Saving and sharing a certificate on weapp; Taro resolves `@/lib/certificate-image` to this file for the weapp build.
 * The image is drawn on an offscreen 2D canvas, written to a temp file, then saved to the album or shared.
 */
import Taro from '@tarojs/taro';
import type { CertificateView } from '@/domain/certificate';
import { CERTIFICATE_IMAGE, drawCertificate, type Canvas2D } from './certificate-drawing';

export const canSaveAsPdf = false;

async function tempImage(certificate: CertificateView, link: string): Promise<string> {
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: CERTIFICATE_IMAGE.width, height: CERTIFICATE_IMAGE.height }) as unknown as {
    getContext(type: '2d'): Canvas2D;
  };
  drawCertificate(canvas.getContext('2d'), certificate, link);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}

export async function saveCertificateImage(certificate: CertificateView, link: string): Promise<string> {
  const filePath = await tempImage(certificate, link);
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    return '已保存到相册';
  } catch (error) {
    const message = (error as { errMsg?: string }).errMsg ?? '';
    if (/cancel/.test(message)) return '已取消保存';
    // Refused before: WeChat asks again only from the settings page.
    if (/auth|deny|denied/.test(message)) throw new Error('未获得相册权限，请在右上角「…›设置」中允许保存到相册');
    throw new Error('保存失败，请稍后重试');
  }
}

/** WeChat's own sheet: send to a chat, save, or favourite. */
export async function shareCertificateImage(certificate: CertificateView, link: string): Promise<string> {
  const path = await tempImage(certificate, link);
  try {
    await Taro.showShareImageMenu({ path });
    return '';
  } catch {
    return '';
  }
}

export async function saveCertificatePdf(): Promise<string> {
  throw new Error('小程序内请保存图片后打印');
}
