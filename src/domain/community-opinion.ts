import { invalidArgument } from './errors';
import { inShanghai } from './shanghai-time';

/**
 * 评先评优听取社区意见 (docs/domain.md): once a year the community gives each member who reported in there one of four
 * grades with a comment; the unit reads it, the member reads their own and may answer once (申辩).
 */
export const OPINION_GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type OpinionGrade = (typeof OPINION_GRADES)[number];

export const OPINION_GRADE_LABELS: Record<OpinionGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};

/** Grades that say the member served: only for a member whose 报到 was confirmed in that year. */
const NEEDS_CONFIRMED_CHECKIN: readonly OpinionGrade[] = ['excellent', 'qualified'];

/** One 报到 (current or archived) as the rule needs it. */
export interface CheckinTerm {
  communityId: string;
  /** Confirmed by the community at some point (an archived one keeps its review). */
  confirmed: boolean;
  reportedAt: Date | string;
  validUntil: Date | string;
}

/** [start, end) of a Shanghai calendar year as instants. */
export function yearBounds(year: number): { start: Date; end: Date } {
  const start = inShanghai(`${year}-01-01T00:00:00+08:00`).toDate();
  const end = inShanghai(`${year + 1}-01-01T00:00:00+08:00`).toDate();
  return { start, end };
}

/** A confirmed 报到 in this community whose half-year term overlaps the year. */
export function confirmedInYear(terms: CheckinTerm[], communityId: string, year: number): boolean {
  const { start, end } = yearBounds(year);
  return terms.some(
    (t) => t.communityId === communityId && t.confirmed && new Date(t.reportedAt).getTime() < end.getTime() && new Date(t.validUntil).getTime() > start.getTime(),
  );
}

/** Any 报到 (confirmed or not) in this community during the year: who the community can say something about at all. */
export function reportedInYear(terms: CheckinTerm[], communityId: string, year: number): boolean {
  const { start, end } = yearBounds(year);
  return terms.some((t) => t.communityId === communityId && new Date(t.reportedAt).getTime() < end.getTime() && new Date(t.validUntil).getTime() > start.getTime());
}

/** The grade rule, refused on the `grade` field with the reason. */
export function assertGradeAllowed(grade: OpinionGrade, confirmed: boolean): void {
  if (NEEDS_CONFIRMED_CHECKIN.includes(grade) && !confirmed) {
    throw invalidArgument([{ field: 'grade', message: `该党员当年没有经社区确认的报到，不能评为「${OPINION_GRADE_LABELS[grade]}」` }]);
  }
}

/** The grades a form offers for a member (the same rule as `assertGradeAllowed`). */
export const allowedGrades = (confirmed: boolean): OpinionGrade[] => OPINION_GRADES.filter((g) => confirmed || !NEEDS_CONFIRMED_CHECKIN.includes(g));

/** Opinions are about a finished or current year, never a future one. */
export function assertOpinionYear(year: number, now: Date): void {
  if (year > inShanghai(now).year()) throw invalidArgument([{ field: 'year', message: `${year} 年尚未开始，不能提出意见` }]);
}

export const OPINION_COMMENT_MAX = 200;
export const APPEAL_MAX = 300;
