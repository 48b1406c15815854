import { inShanghai, shanghaiYear } from './shanghai-time';

/**
 * 先锋创绩 pledges (docs/domain.md: Pledges): 定诺 → 亮承诺 → 践诺 → 评诺. Pure rules of the year, the count and the dates.
 */
export const PLEDGE_CATEGORIES = ['岗位建功', '志愿服务', '联系群众', '其他'] as const;
export type PledgeCategory = (typeof PLEDGE_CATEGORIES)[number];

export const PLEDGE_STATUSES = ['pending', 'approved', 'returned'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export const PLEDGE_STATUS_LABELS: Record<PledgeStatus, string> = { pending: '待定诺', approved: '已定诺', returned: '已退回' };

export const PLEDGE_GRADES = ['fulfilled', 'partial', 'unfulfilled'] as const;
export type PledgeGrade = (typeof PLEDGE_GRADES)[number];
export const PLEDGE_GRADE_LABELS: Record<PledgeGrade, string> = { fulfilled: '已践诺', partial: '部分践诺', unfulfilled: '未践诺' };

/** A member makes at most this many pledges a year; each has its own slot, so the limit holds under concurrent taps. */
export const MAX_PLEDGES_PER_YEAR = 5;
/** Progress entries per pledge: the pledge document stays small and its page one read. */
export const MAX_PROGRESS_ENTRIES = 20;

/** The pledge's year: the year (Shanghai) in which it is made. */
export const pledgeYear = (now: Date) => shanghaiYear(now);

/** Why `targetDate` (YYYY-MM-DD) is not acceptable for a pledge made `now`: after today, within the year. */
export function targetDateRefusal(targetDate: string, now: Date): string | null {
  const today = shanghaiDate(now);
  const year = pledgeYear(now);
  if (targetDate <= today) return '目标日期应在今天之后';
  if (targetDate > `${year}-12-31`) return `目标日期应在 ${year} 年内`;
  return null;
}

/** 评诺 opens on 1 December of the pledge's year (Shanghai) and stays open after it. */
export const RATING_OPENS_MONTH_DAY = '12-01';
export const ratingOpen = (year: number, now: Date) => inShanghai(now).format('YYYY-MM-DD') >= `${year}-${RATING_OPENS_MONTH_DAY}`;

/** The free slot ids of a member's year, first free first (slot = 1…5). */
export function freeSlot(taken: number[]): number | null {
  for (let slot = 1; slot <= MAX_PLEDGES_PER_YEAR; slot++) if (!taken.includes(slot)) return slot;
  return null;
}

export const shanghaiDate = (now: Date) => inShanghai(now).format('YYYY-MM-DD');

/** The target dates a member picks from: the last day of each remaining month of the pledge's year, after `today`. */
export function targetDateOptions(year: number, today: string): string[] {
  const out: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
    if (date > today) out.push(date);
  }
  return out;
}

/**
 * The year whose unrated pledges are due for the 评诺 reminder on `now`: from the day 评诺 opens to the end of that
 * year (Shanghai), otherwise none. The daily timer asks every day; what was sent is recorded, so each person hears once.
 */
export function pledgeReviewReminderYear(now: Date): number | null {
  const year = pledgeYear(now);
  return ratingOpen(year, now) ? year : null;
}

/** Unrated pledges grouped by who hears of them: each branch (for its secretary) and each member, with their count. */
export function groupForReviewReminder<P extends { branchId: string; openid: string }>(pledges: P[]): { branches: Map<string, P[]>; members: Map<string, P[]> } {
  const branches = new Map<string, P[]>();
  const members = new Map<string, P[]>();
  for (const p of pledges) {
    branches.set(p.branchId, [...(branches.get(p.branchId) ?? []), p]);
    members.set(p.openid, [...(members.get(p.openid) ?? []), p]);
  }
  return { branches, members };
}
