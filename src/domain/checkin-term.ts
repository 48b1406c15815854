import { addShanghaiMonths } from './shanghai-time';

/** 报到 states (docs/domain.md §1): reported → confirmed by the community, or rejected; withdrawn when the member leaves. */
export const CHECKIN_STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

/** 报到 is renewed every half year (as in 佛山's practice). */
export const CHECKIN_VALID_MONTHS = 6;

export const checkinValidUntil = (reportedAt: Date) => addShanghaiMonths(reportedAt, CHECKIN_VALID_MONTHS);

/** How a member stands: `due` once a 报到 has lapsed, shown to the member and to their unit. */
export type CheckinStanding = 'none' | 'pending' | 'active' | 'due' | 'rejected' | 'withdrawn';

export const CHECKIN_STANDING_LABELS: Record<CheckinStanding, string> = {
  none: '尚未报到',
  pending: '待社区确认',
  active: '已报到',
  due: '已到期，请重新报到',
  rejected: '未通过，可重新报到',
  withdrawn: '已撤回',
};

export interface CheckinState {
  communityId: string;
  status: CheckinStatus;
  validUntil: Date | string;
}

const isLive = (s: CheckinState) => s.status === 'pending' || s.status === 'confirmed';
const lapsed = (s: CheckinState, now: Date) => now.getTime() >= new Date(s.validUntil).getTime();

export function checkinStanding(current: CheckinState | null, now: Date): CheckinStanding {
  if (!current) return 'none';
  if (isLive(current) && lapsed(current, now)) return 'due';
  if (current.status === 'confirmed') return 'active';
  return current.status;
}

/**
 * What a new scan does to the member's current 报到 (one active at a time):
 * `keep` — the same community, still live and valid: a repeated scan returns it;
 * `replace` — a new 报到 starts; the old one is kept in history with `endStatus`
 * (a live one elsewhere is withdrawn; a lapsed, rejected or withdrawn one keeps its status).
 */
export type ReportDecision = { kind: 'keep' } | { kind: 'replace'; endStatus: CheckinStatus; endReason: 'moved' | 'renewed' | 'reported_again' };

export function decideReport(current: CheckinState, communityId: string, now: Date): ReportDecision {
  if (isLive(current) && !lapsed(current, now)) {
    if (current.communityId === communityId) return { kind: 'keep' };
    return { kind: 'replace', endStatus: 'withdrawn', endReason: 'moved' };
  }
  if (isLive(current)) return { kind: 'replace', endStatus: current.status, endReason: 'renewed' };
  return { kind: 'replace', endStatus: current.status, endReason: 'reported_again' };
}

/** What a member does or waits for next, shown under their 报到 (issue 14: after each step, the next one is said). */
export const CHECKIN_NEXT_STEP: Partial<Record<CheckinStanding, string>> = {
  pending: '下一步：等待社区确认。社区工作人员核对后确认，一般在 3 个工作日内；确认后本社区就是您的报到社区，可以报名服务活动、认领微心愿，结果会通知您。',
  rejected: '下一步：按退回原因核对后，在社区范围内重新扫码报到。',
  due: '下一步：报到已到期，请到社区重新扫码报到。',
  active: '下一步：可以报名社区的服务活动，或到「微心愿」认领心愿。',
};
