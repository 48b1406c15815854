/** Tap-to-call on weapp; Taro resolves `@/lib/phone` to this file for the weapp build. */
import Taro from '@tarojs/taro';

export function callPhone(phone: string): void {
  // Cancelling the dialer's sheet rejects; nothing to tell the person then.
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}
