import { create } from 'qrcode/lib/core/qrcode';

/** The dark modules of a QR code, row by row, without the quiet zone. */
interface QrMatrix {
  size: number;
  dark: (row: number, col: number) => boolean;
}

/** UTF-8 bytes of the text: qrcode would use TextEncoder, which the mini-program runtime does not have. */
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(bytes);
}

export function qrMatrix(text: string): QrMatrix {
  const { size, data } = create([{ data: utf8(text), mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

/** The quiet zone scanners need around a code, in modules. */
export const QR_MARGIN = 4;

/** An SVG of the code (one path, one unit per module): shown by <Image> on H5 and weapp alike. */
function qrSvg(text: string): string {
  const { size, dark } = qrMatrix(text);
  const side = size + QR_MARGIN * 2;
  let path = '';
  for (let r = 0; r < size; r += 1) for (let c = 0; c < size; c += 1) if (dark(r, c)) path += `M${c + QR_MARGIN} ${r + QR_MARGIN}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of ASCII text; the mini-program runtime has no btoa. */
function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < text.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < text.length ? B64[n & 63] : '=');
  }
  return out;
}

/** The code as an image address for <Image src>. */
export const qrImageUrl = (text: string) => `data:image/svg+xml;base64,${base64Ascii(qrSvg(text))}`;
