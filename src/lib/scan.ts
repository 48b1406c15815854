/**
 * Codes on H5 (and the default for tests): a browser cannot scan, and the community code it prints opens the H5 page.
 * The weapp build takes scan.weapp.ts instead.
 */
export interface ScanResult {
  path?: string;
  result?: string;
}

export interface ScanOptions {
  /** The camera only, not a picture from the album: a forwarded photo of the rotating 签到码 cannot be picked. */
  cameraOnly?: boolean;
}

export const canScanCode = false;

export async function scanCode(_options: ScanOptions = {}): Promise<ScanResult | null> {
  return null;
}

/** Which community code to draw: one that opens this H5 site. */
export function communityCodeTarget(): { target: 'weapp' } | { target: 'h5'; h5Origin?: string } {
  const h5Origin = typeof window !== 'undefined' && window.location ? window.location.origin : undefined;
  return { target: 'h5', h5Origin };
}

export const SAVE_CODE_HINT = '右键或长按图片保存后打印。';
