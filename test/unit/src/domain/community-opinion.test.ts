import { allowedGrades, assertGradeAllowed, assertOpinionYear, confirmedInYear, reportedInYear } from '../../../../src/domain/community-opinion';
import { AppError } from '../../../../src/domain/errors';

const term = (reportedAt: string, validUntil: string, confirmed = true, communityId = 'c-1') => ({ communityId, confirmed, reportedAt, validUntil });

describe('the community opinion rules', () => {
  it('counts a confirmed 报到 whose term overlaps the Shanghai year, at its edges', () => {
    // Ends at 00:00 on 1 January in Shanghai: nothing of that year is covered.
    expect(confirmedInYear([term('2025-07-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00')], 'c-1', 2026)).toBe(false);
    // One minute into 2026 in Shanghai (still 2025 in UTC).
    expect(confirmedInYear([term('2025-07-01T00:00:00+08:00', '2026-01-01T00:01:00+08:00')], 'c-1', 2026)).toBe(true);
    // Reported at 23:59 on 31 December Shanghai counts for that year, not the next one's start.
    expect(confirmedInYear([term('2026-12-31T23:59:00+08:00', '2027-06-30T23:59:00+08:00')], 'c-1', 2026)).toBe(true);
    expect(confirmedInYear([term('2027-01-01T00:00:00+08:00', '2027-07-01T00:00:00+08:00')], 'c-1', 2026)).toBe(false);
  });

  it('needs the confirmation and the same community', () => {
    const pending = term('2026-03-01T00:00:00+08:00', '2026-09-01T00:00:00+08:00', false);
    expect(confirmedInYear([pending], 'c-1', 2026)).toBe(false);
    expect(reportedInYear([pending], 'c-1', 2026)).toBe(true);
    expect(confirmedInYear([term('2026-03-01T00:00:00+08:00', '2026-09-01T00:00:00+08:00', true, 'c-2')], 'c-1', 2026)).toBe(false);
  });

  it('refuses 优秀 and 合格 without a confirmed 报到, on the grade field', () => {
    expect(() => assertGradeAllowed('basic', false)).not.toThrow();
    expect(() => assertGradeAllowed('qualified', true)).not.toThrow();
    try {
      assertGradeAllowed('qualified', false);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details?.issues?.[0]).toMatchObject({ field: 'grade' });
    }
    expect(allowedGrades(false)).toEqual(['basic', 'unqualified']);
    expect(allowedGrades(true)).toEqual(['excellent', 'qualified', 'basic', 'unqualified']);
  });

  it('refuses a year that has not started in Shanghai', () => {
    // 31 December 2026 17:00 UTC is already 1 January 2027 in Shanghai.
    expect(() => assertOpinionYear(2027, new Date('2026-12-31T17:00:00Z'))).not.toThrow();
    expect(() => assertOpinionYear(2027, new Date('2026-12-31T15:00:00Z'))).toThrow(AppError);
  });
});
