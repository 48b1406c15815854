/**
 * qrcode's pure encoder (no canvas, no PNG, no fs): the client draws its own QR codes from the module matrix.
 * The package's typings describe only its entry points, so this names the one function used.
 */
declare module 'qrcode/lib/core/qrcode' {
  export function create(data: string | { data: Uint8Array; mode: 'byte' }[], options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): {
    modules: { size: number; data: Uint8Array };
  };
}
