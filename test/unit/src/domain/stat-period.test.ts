import { assertMonthRange, assertQuarterNotFuture, monthOf, monthsAhead, monthsBetween, nextMonth, monthsOfQuarter, quarterBounds, quarterOf } from '../../../../src/domain/stat-period';
import { AppError } from '../../../../src/domain/errors';
import { quarterlyTable } from '../../../../src/domain/quarterly-table';

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError & { details?: { issues?: unknown } }).details;
  }
  throw new Error('expected a refusal');
};

describe('quarters in Asia/Shanghai', () => {
  it('bounds a quarter from 00:00 Shanghai on its first day to 00:00 after its last', () => {
    expect(quarterBounds(2026, 4)).toEqual({ start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') });
    expect(quarterBounds(2026, 1).start).toEqual(new Date('2025-12-31T16:00:00Z'));
  });

  it('puts the instants around a quarter’s edge in the right quarter and month', () => {
    expect(quarterOf(new Date('2026-09-30T15:59:59.999Z'))).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf(new Date('2026-09-30T16:00:00Z'))).toEqual({ year: 2026, quarter: 4 });
    // New Year's Eve 23:59 in Shanghai is still the old year, though it is 15:59 UTC.
    expect(quarterOf(new Date('2026-12-31T15:59:00Z'))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(new Date('2026-12-31T16:00:00Z'))).toEqual({ year: 2027, quarter: 1 });
    expect(monthOf(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07');
  });

  it('lists the months of a quarter and of a range', () => {
    expect(monthsOfQuarter(2026, 4)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('months kept ahead', () => {
  it('is the Shanghai month and the next, across a year end', () => {
    expect(nextMonth('2026-11')).toBe('2026-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    // 2026-12-31 16:30 UTC is already 2027-01-01 in Shanghai.
    expect(monthsAhead(new Date('2026-12-31T16:30:00Z'))).toEqual(['2027-01', '2027-02']);
    expect(monthsAhead(new Date('2026-12-31T15:30:00Z'))).toEqual(['2026-12', '2027-01']);
  });
});

describe('period validation', () => {
  const now = new Date('2026-12-05T02:00:00Z');
  it('refuses a quarter that has not begun, with the field and a Chinese reason', () => {
    expect(() => assertQuarterNotFuture(2026, 4, now)).not.toThrow();
    expect(issuesOf(() => assertQuarterNotFuture(2027, 1, now))).toEqual({ issues: [{ field: 'quarter', message: '2027年第1季度尚未开始，不能统计' }] });
  });

  it('refuses a reversed, future or too long month range', () => {
    expect(assertMonthRange('2026-01', '2026-12', now)).toHaveLength(12);
    expect(issuesOf(() => assertMonthRange('2026-12', '2026-11', now))).toEqual({ issues: [{ field: 'from', message: '开始月份不能晚于结束月份' }] });
    expect(issuesOf(() => assertMonthRange('2026-11', '2027-01', now))).toEqual({ issues: [{ field: 'to', message: '结束月份不能晚于本月' }] });
    expect(issuesOf(() => assertMonthRange('2025-11', '2026-12', now))).toEqual({ issues: [{ field: 'from', message: '统计范围最多 12 个月' }] });
  });
});

describe('quarterlyTable', () => {
  it('has a row per month, the quarter’s total and a definition per column; other months are left out', () => {
    const table = quarterlyTable({
      scopeType: 'unit',
      scopeName: '南昌市直机关工委',
      year: 2026,
      quarter: 4,
      counters: [
        { period: '2026-10', values: { wishClosed: 2, participants: 3 } },
        { period: '2026-12', values: { wishClosed: 1, wishFunds: 150 } },
        { period: '2026-09', values: { wishClosed: 9 } },
      ],
    });
    expect(table.periodLabel).toBe('2026年第4季度');
    expect(table.rows.map((r) => r.wishes)).toEqual([2, 0, 1]);
    expect(table.totals).toMatchObject({ month: '季度合计', wishes: 3, participants: 3, funds: 150 });
    expect(table.columns.map((c) => c.title).slice(1)).toEqual(['参与党员干部数', '建立连心点数', '结对帮扶群众数', '提供帮扶资金数（元）', '征求意见建议数', '帮助解决问题数', '实现群众微心愿数']);
    expect(table.definitions).toHaveLength(7);
    expect(table.definitions[6].text).toContain('认领人属于本单位');
  });
});
