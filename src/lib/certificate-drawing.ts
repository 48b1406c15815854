import type { CertificateView } from '@/domain/certificate';
import { qrMatrix, QR_MARGIN } from './qr';

/** What both canvases (the browser's and WeChat's 2D canvas) offer that the drawing uses. */
export interface Canvas2D {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

export const CERTIFICATE_IMAGE = { width: 750, height: 1180 } as const;

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** Breaks text into lines no wider than `width`, character by character (Chinese has no spaces to break at). */
function lines(ctx: Canvas2D, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && ctx.measureText(line + ch).width > width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

/**
 * The certificate as an image: the printed wording of CertificateCard, and the QR of its verify link, so a copy that
 * is sent on or printed can still be checked.
 */
export function drawCertificate(ctx: Canvas2D, certificate: CertificateView, link: string): void {
  const { width, height } = CERTIFICATE_IMAGE;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#c8161d';
  ctx.fillRect(24, 24, width - 48, 6);
  ctx.fillRect(24, height - 30, width - 48, 6);

  ctx.fillStyle = '#1a1a1a';
  ctx.textAlign = 'center';
  ctx.font = `bold 44px ${FONT}`;
  ctx.fillText('志愿服务记录证明', width / 2, 110);
  ctx.font = `26px ${FONT}`;
  ctx.fillText(`编号：${certificate.certificateNo}`, width / 2, 160);

  ctx.textAlign = 'left';
  ctx.font = `30px ${FONT}`;
  const body =
    `兹证明 ${certificate.memberName} 同志于 ${certificate.from} 至 ${certificate.to} 期间，在社区参加志愿服务 ${certificate.activities} 次，` +
    `经社区确认的服务时长共计 ${certificate.hours} 小时。服务内容：${certificate.summary}。`;
  let y = 240;
  for (const line of lines(ctx, body, width - 120)) {
    ctx.fillText(line, 60, y);
    y += 50;
  }

  ctx.textAlign = 'right';
  ctx.fillText(certificate.communityName, width - 60, y + 40);
  ctx.fillText(certificate.issuedOn, width - 60, y + 90);

  const qr = qrMatrix(link);
  const cell = Math.floor(300 / (qr.size + QR_MARGIN * 2));
  const side = cell * (qr.size + QR_MARGIN * 2);
  const left = (width - side) / 2;
  const top = height - side - 150;
  ctx.fillStyle = '#000000';
  for (let r = 0; r < qr.size; r += 1) for (let c = 0; c < qr.size; c += 1) if (qr.dark(r, c)) ctx.fillRect(left + (c + QR_MARGIN) * cell, top + (r + QR_MARGIN) * cell, cell, cell);

  ctx.fillStyle = '#1a1a1a';
  ctx.textAlign = 'center';
  ctx.font = `26px ${FONT}`;
  ctx.fillText(`验证码：${certificate.verificationCode}`, width / 2, height - 105);
  ctx.fillText('扫码或在小程序「我的 › 证明核验」中查验', width / 2, height - 65);
}

export const certificateFileName = (certificate: CertificateView) => `志愿服务记录证明-${certificate.certificateNo}`;
