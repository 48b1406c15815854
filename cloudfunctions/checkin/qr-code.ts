import QRCode from 'qrcode';
import { callWxOpenApi } from '../_shared/wx-openapi';
import { settings } from './settings';

/**
 * The two kinds of 报到码. weapp: WeChat's mini-program code from wxacode.getUnlimited (PNG bytes, or a JSON error
 * body). H5: an ordinary QR of the page address, drawn here so the client bundle carries no QR encoder.
 */
export async function wxacode(scene: string, page: string): Promise<string | null> {
  let answer;
  try {
    // check_path false: before the first release no page is "published", and WeChat would refuse every code (41030).
    // The page is a constant of the app (CHECKIN_PAGE), so the check adds nothing once released either.
    answer = await callWxOpenApi('wxacode.getUnlimited', { scene, page, width: 430, check_path: false, env_version: settings().WXACODE_ENV_VERSION });
  } catch (error) {
    console.error('[checkin] wxacode.getUnlimited refused', error);
    return null;
  }
  // A PNG starts with \x89PNG; anything else is WeChat's { errcode, errmsg }.
  if (answer.kind !== 'binary' || answer.buffer.subarray(0, 4).toString('latin1') !== '\x89PNG') {
    console.error('[checkin] wxacode.getUnlimited failed', answer.kind === 'json' ? JSON.stringify(answer.body) : answer.contentType);
    return null;
  }
  return `data:image/png;base64,${answer.buffer.toString('base64')}`;
}

export const h5Qr = (text: string) => QRCode.toDataURL(text, { width: 430, margin: 2, errorCorrectionLevel: 'M' });
