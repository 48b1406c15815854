/**
 * The address a certificate's QR code carries, on H5 (and the default for tests): this site's 证明核验 page with the
 * number and code, so any phone camera opens it and the page checks at once. The weapp build takes
 * verify-link.weapp.ts instead.
 */
import { urlOf } from '@/routes';

export function certificateVerifyLink(certificateNo: string, code: string): string {
  const page = urlOf('certificateVerify', { no: certificateNo, code });
  if (typeof window === 'undefined' || !window.location) return page;
  return `${window.location.origin}${window.location.pathname}#${page}`;
}
