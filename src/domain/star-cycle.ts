import { CN_HOLIDAY_CALENDAR, type HolidayCalendar } from './holiday-calendar';
import { workingDayDeadline } from './working-day';

/**
 * 五星创评's yearly cycle (docs/domain.md "五星创评"): which step a branch's assessment is at, who moves it on, and
 * the 公示 window. Pure: the handlers write what these return as conditional updates on `status`.
 *
 * self_assessing → submitted (支部自评) → reviewed (上级党委审核) → publicised (组织部门评定, 公示 opens)
 *   → objected (an 异议 reopens the review) → reviewed → publicised again … → final once 公示 ends.
 * A submitted assessment can be sent back to self_assessing by the reviewer with a reason.
 */
export const STAR_STATUSES = ['self_assessing', 'submitted', 'reviewed', 'publicised', 'objected'] as const;
export type StarStatus = (typeof STAR_STATUSES)[number];

export const STAR_STATUS_LABELS: Record<StarStatus | 'final', string> = {
  self_assessing: '支部自评中',
  submitted: '待上级审核',
  reviewed: '待评定',
  publicised: '公示中',
  objected: '有异议，重新审核中',
  final: '已评定',
};

export type StarStep = 'selfAssess' | 'submit' | 'review' | 'returnToBranch' | 'rate' | 'object';

/** The statuses each step starts from. */
const FROM: Record<StarStep, readonly StarStatus[]> = {
  selfAssess: ['self_assessing'],
  submit: ['self_assessing'],
  review: ['submitted', 'objected'],
  returnToBranch: ['submitted'],
  rate: ['reviewed'],
  object: ['publicised'],
};

const TO: Record<StarStep, StarStatus> = {
  selfAssess: 'self_assessing',
  submit: 'submitted',
  review: 'reviewed',
  returnToBranch: 'self_assessing',
  rate: 'publicised',
  object: 'objected',
};

const REFUSALS: Record<StarStep, string> = {
  selfAssess: '自评已提交，不能再修改',
  submit: '自评已提交，请勿重复提交',
  review: '该支部现在不在待审核状态',
  returnToBranch: '只有待审核的自评可以退回',
  rate: '该支部尚未通过上级审核，不能评定',
  object: '该支部不在公示期内，不能提出异议',
};

export type StarTransition = { ok: true; from: readonly StarStatus[]; to: StarStatus } | { ok: false; message: string };

export function starTransition(status: StarStatus, step: StarStep): StarTransition {
  if (!FROM[step].includes(status)) return { ok: false, message: REFUSALS[step] };
  return { ok: true, from: FROM[step], to: TO[step] };
}

/** 公示 lasts 5 working days, counted from the day after the rating. */
export const PUBLICITY_WORKING_DAYS = 5;

export const publicityEndsAt = (ratedAt: Date, calendar: HolidayCalendar = CN_HOLIDAY_CALENDAR): Date => workingDayDeadline(ratedAt, PUBLICITY_WORKING_DAYS, calendar);

/** What people see: a publicised rating whose window has passed is final (no write needed when the window ends). */
export function effectiveStatus(status: StarStatus, publicityEnd: Date | null, now: Date): StarStatus | 'final' {
  if (status === 'publicised' && publicityEnd !== null && now.getTime() > publicityEnd.getTime()) return 'final';
  return status;
}

/** An objection may be raised only within the 公示 window (also when another objection has reopened the review). */
export const objectionOpen = (status: StarStatus, publicityEnd: Date | null, now: Date): boolean =>
  (status === 'publicised' || status === 'objected') && publicityEnd !== null && now.getTime() <= publicityEnd.getTime();

/** A year's sheet is frozen once self-assessment opens: refinements are made to a draft only. */
export type SheetStatus = 'draft' | 'frozen';
export const sheetEditRefusal = (status: SheetStatus): string | null => (status === 'frozen' ? '本年度评分表已在自评开始时锁定，不能再修改' : null);

/**
 * 降级摘星 between cycles: only a rating that stands (on 公示 or final), only downwards, and at most to 二星 — a
 * direct-downgrade condition fixes the rating at 二星 or 一星.
 */
export function downgradeRefusal(status: StarStatus, current: number | null, to: number): string | null {
  if (current === null || (status !== 'publicised' && status !== 'objected')) return '只有已评定的党支部可以摘星';
  if (to >= current) return '摘星后的星级必须低于现在的星级';
  if (to > 2) return '直接定级情形下只能定为二星或一星';
  return null;
}
