import { targetDateOptions, targetDateRefusal } from '@/domain/pledge';

describe('the target dates a member picks from', () => {
  it('offers the month-ends left in the year after today, each one the server accepts', () => {
    expect(targetDateOptions(2026, '2026-03-02')).toEqual(['2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31']);
    for (const date of targetDateOptions(2026, '2026-03-02')) expect(targetDateRefusal(date, new Date('2026-03-02T02:00:00.000Z'))).toBeNull();
  });

  it('knows February of a leap year and leaves out today itself', () => {
    expect(targetDateOptions(2028, '2028-01-31')[0]).toBe('2028-02-29');
    expect(targetDateOptions(2026, '2026-12-31')).toEqual([]);
  });
});
