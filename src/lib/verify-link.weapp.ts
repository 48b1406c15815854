/**
 * The address a certificate's QR code carries on weapp. With the public H5 site configured
 * (TARO_APP_PUBLIC_H5_ORIGIN) it is that site's 证明核验 page, which any camera opens (and WeChat's 扫普通链接二维码打开小程序
 * rule can route into the mini program); without it, the page path, which 我的 › 证明核验 › 扫码核验 reads.
 */
import { urlOf } from '@/routes';

export function certificateVerifyLink(certificateNo: string, code: string): string {
  const page = urlOf('certificateVerify', { no: certificateNo, code });
  const origin = (process.env.TARO_APP_PUBLIC_H5_ORIGIN ?? '').replace(/\/+$/, '');
  return origin ? `${origin}/#${page}` : page.replace(/^\//, '');
}
