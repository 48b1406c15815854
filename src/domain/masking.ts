/** Masking for every public or cross-user view (docs/domain.md: Privacy). */

/** What replaces the name of a person who withdrew (注销) on the records the community keeps. */
export const WITHDRAWN_LABEL = '已注销用户';

/** 张三 → 张*, 欧阳娜娜 → 欧***; a single character stays as *. The withdrawn label is no name and stays readable. */
export function maskName(name: string): string {
  if (name === WITHDRAWN_LABEL) return name;
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 13812341234 → 138****1234; anything not phone-shaped is fully hidden. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (!/^\d{11}$/.test(digits)) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(7)}`;
}
