import { figuresFrom, periodBounds } from '../../../../src/domain/question-figures';

describe('问政 figures', () => {
  it('computes the four shares, and null where there is nothing to measure', () => {
    const f = figuresFrom({ received: 8, answered: 6, answeredOnTime: 5, due: 7, closed: 4, rated: 5, satisfied: 4 }, { communityId: 'c', from: '2025-10-01', to: '2025-10-31' });
    expect(f).toMatchObject({ responseRate: 0.75, onTimeRate: 0.714, resolutionRate: 0.5, satisfactionRate: 0.8 });
    expect(figuresFrom({ received: 0, answered: 0, answeredOnTime: 0, due: 0, closed: 0, rated: 0, satisfied: 0 }, { communityId: 'c', from: 'a', to: 'b' }).responseRate).toBeNull();
  });

  it('reads the period as Shanghai dates, both ends included, at most a year', () => {
    const { start, end } = periodBounds('2025-10-01', '2025-10-31');
    expect(start.toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2025-10-31T16:00:00.000Z');
    expect(() => periodBounds('2024-01-01', '2025-12-31')).toThrow('统计区间不能超过 366 天');
    expect(() => periodBounds('2025-02-30', '2025-03-01')).toThrow('开始日期不是有效日期');
  });
});
