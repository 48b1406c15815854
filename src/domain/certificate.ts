import { z } from 'zod';
import type { ServiceTotalsView } from './service-log.schema';
import { parseShanghaiDate } from './shanghai-time';
import { requestIdSchema } from './validation';

/**
 * 志愿服务记录证明 (docs/domain.md §2): number, name, hours and a content summary over a period, issuing community, date,
 * and a verification code anyone can check in the app. Numbers carry the issue date; the code is random and is
 * what makes guessing a certificate useless.
 */
export const CERTIFICATE_NO_PATTERN = /^ZY\d{8}[A-HJ-NP-Z2-9]{6}$/;
export const VERIFICATION_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;
/** No 0/O, 1/I: read off paper without mistakes. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomCode(length: number, randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(length), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** `ZY20250601` + 6 random characters. */
export const certificateNumber = (issuedDay: string, random: string) => `ZY${issuedDay.replace(/-/g, '')}${random}`;

const dateField = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .refine((v) => parseShanghaiDate(v) !== null, `${label}格式应为 2025-06-01`);

export const certificateActions = {
  issueCertificate: z
    .object({ from: dateField('起始日期'), to: dateField('截止日期'), requestId: requestIdSchema })
    .strict()
    .refine((v) => !(parseShanghaiDate(v.from) && parseShanghaiDate(v.to)) || v.from <= v.to, { message: '截止日期不能早于起始日期', path: ['to'] }),
  myCertificates: z.object({}).strict(),
  verifyCertificate: z
    .object({
      certificateNo: z.string({ error: '请填写证明编号' }).trim().toUpperCase().regex(CERTIFICATE_NO_PATTERN, '证明编号格式不正确，应为 ZY 开头的 16 位编号'),
      code: z.string({ error: '请填写验证码' }).trim().toUpperCase().regex(VERIFICATION_CODE_PATTERN, '验证码应为 8 位字母或数字'),
    })
    .strict(),
} as const;

/**
 * The number and code a certificate's QR carries (its verify link, an H5 address or the page path), so 扫码核验 fills
 * the form; null for any other code.
 */
export function certificateLinkParams(text: string): { no: string; code: string } | null {
  const no = /[?&]no=([^&#]+)/.exec(text)?.[1];
  const code = /[?&]code=([^&#]+)/.exec(text)?.[1];
  if (!no || !code) return null;
  const params = { no: decodeURIComponent(no).toUpperCase(), code: decodeURIComponent(code).toUpperCase() };
  return CERTIFICATE_NO_PATTERN.test(params.no) && VERIFICATION_CODE_PATTERN.test(params.code) ? params : null;
}

/** 「政策宣讲 4 小时、志愿服务 2.5 小时」. */
export const contentSummary = (byType: ServiceTotalsView['byType']) => byType.map((t) => `${t.label} ${t.hours} 小时`).join('、');

export interface CertificateView {
  certificateNo: string;
  verificationCode: string;
  memberName: string;
  from: string;
  to: string;
  hours: number;
  activities: number;
  summary: string;
  communityName: string;
  issuedOn: string;
}

/** What anyone checking a certificate sees: the name masked. */
export type CertificateVerification =
  | { genuine: true; certificate: Omit<CertificateView, 'verificationCode'> }
  | { genuine: false; message: string };
