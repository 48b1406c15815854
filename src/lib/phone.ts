/**
 * Tap-to-call on H5 (and the default for tests): the browser hands a `tel:` link to the phone's dialer.
 * The weapp build takes phone.weapp.ts instead.
 */
export function callPhone(phone: string): void {
  if (typeof window === 'undefined') return;
  window.location.href = `tel:${phone}`;
}
