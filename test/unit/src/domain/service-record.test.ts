import { confirmationDelta, toTotalsView, yearsOf } from '../../../../src/domain/service-record';
import { contentSummary, certificateNumber, CERTIFICATE_NO_PATTERN, randomCode, VERIFICATION_CODE_PATTERN } from '../../../../src/domain/certificate';
import { parseShanghaiDate, parseShanghaiMinute, shanghaiYear } from '../../../../src/domain/shanghai-time';

describe('totals', () => {
  it('a first confirmation adds its hours and one activity', () => {
    expect(confirmationDelta({ type: 'volunteer', year: 2025, hours: 3 }, null)).toEqual({ entry: { type: 'volunteer', year: 2025, hours: 3 }, activities: 1 });
  });

  it('a correction replacing a confirmed log adds only the difference', () => {
    expect(confirmationDelta({ type: 'volunteer', year: 2025, hours: 3 }, { type: 'volunteer', year: 2025, hours: 1 })).toEqual({
      entry: { type: 'volunteer', year: 2025, hours: 2 },
      activities: 0,
    });
  });

  it('shows types in the domain order with labels and points from hours', () => {
    const view = toTotalsView({ hours: 4.5, activities: 2, byType: { volunteer: 2.5, policy_talk: 2 } });
    expect(view).toEqual({
      hours: 4.5,
      activities: 2,
      points: 4.5,
      byType: [
        { type: 'policy_talk', label: '政策宣讲', hours: 2 },
        { type: 'volunteer', label: '志愿服务', hours: 2.5 },
      ],
    });
    expect(contentSummary(view.byType)).toBe('政策宣讲 2 小时、志愿服务 2.5 小时');
  });

  it('lists the years newest first', () => {
    expect(yearsOf({ hours: 0, activities: 0, byType: {}, years: { y2024: { hours: 1, activities: 1, byType: {} }, y2025: { hours: 1, activities: 1, byType: {} } } })).toEqual([2025, 2024]);
  });
});

describe('Shanghai time', () => {
  it('reads wall-clock minutes as UTC+8 and refuses dates that do not exist', () => {
    expect(parseShanghaiMinute('2025-06-01 09:30')?.toISOString()).toBe('2025-06-01T01:30:00.000Z');
    expect(parseShanghaiMinute('2025-02-30 09:30')).toBeNull();
    expect(parseShanghaiMinute('2025-06-01 24:00')).toBeNull();
    expect(parseShanghaiDate('2025-13-01')).toBeNull();
  });

  it('puts 00:30 on New Year’s Day in the new year', () => {
    expect(shanghaiYear(parseShanghaiMinute('2026-01-01 00:30') as Date)).toBe(2026);
  });
});

describe('certificate numbers and codes', () => {
  it('have the printed shapes', () => {
    const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i * 37);
    expect(certificateNumber('2025-06-01', randomCode(6, bytes))).toMatch(CERTIFICATE_NO_PATTERN);
    expect(randomCode(8, bytes)).toMatch(VERIFICATION_CODE_PATTERN);
  });
});
