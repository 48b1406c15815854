import QRCode from 'qrcode';
import { cloudApp } from '../_shared/sdk';

/**
 * The two kinds of 报到码. weapp: WeChat's mini-program code from wxacode.getUnlimited (PNG bytes, or a JSON error
 * body). H5: an ordinary QR of the page address, drawn here so the client bundle carries no QR encoder.
 */
export async function wxacode(scene: string, page: string): Promise<string | null> {
  const reply = (await cloudApp().callCompatibleWxOpenApi({
    apiName: 'wxacode.getUnlimited',
    requestData: Buffer.from(JSON.stringify({ scene, page, width: 430 })),
  })) as unknown;
  const bytes = Buffer.isBuffer(reply) ? reply : null;
  // A PNG starts with \x89PNG; anything else is WeChat's { errcode, errmsg }.
  if (!bytes || bytes.subarray(0, 4).toString('latin1') !== '\x89PNG') {
    console.error('[checkin] wxacode.getUnlimited failed', bytes ? bytes.subarray(0, 200).toString('utf8') : typeof reply);
    return null;
  }
  return `data:image/png;base64,${bytes.toString('base64')}`;
}

export const h5Qr = (text: string) => QRCode.toDataURL(text, { width: 430, margin: 2, errorCorrectionLevel: 'M' });
