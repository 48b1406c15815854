import { CN_HOLIDAY_CALENDAR, createHolidayCalendar } from '../../../../src/domain/holiday-calendar';
import { formatShanghaiDate as shanghaiDate } from '../../../../src/domain/shanghai-time';
import { endOfShanghaiDay, nthWorkingDayAfter, workingDayDeadline } from '../../../../src/domain/working-day';

/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);
const dueDate = (from: Date, n: number) => shanghaiDate(workingDayDeadline(from, n));

describe('the mainland calendar', () => {
  it('treats adjusted working weekends as working days and holiday weekdays as days off', () => {
    expect(CN_HOLIDAY_CALENDAR.isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休上班
    expect(CN_HOLIDAY_CALENDAR.isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休上班
    expect(CN_HOLIDAY_CALENDAR.isWorkingDay('2025-10-08')).toBe(false); // Wednesday, 国庆节、中秋节
    expect(CN_HOLIDAY_CALENDAR.isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
    expect(CN_HOLIDAY_CALENDAR.holidayOf('2025-10-05')).toBe('国庆节、中秋节');
  });

  it('names the State Council notice each year comes from', () => {
    expect(CN_HOLIDAY_CALENDAR.sources().map((s) => s.documentNumber)).toEqual(['国办发明电〔2024〕12号', '国办发明电〔2025〕7号']);
    expect(CN_HOLIDAY_CALENDAR.covers(2026)).toBe(true);
  });

  it('is rebuilt from a replacement table without code changes, and refuses a malformed one', () => {
    const table = {
      year: 2030,
      source: { title: '测试通知', documentNumber: '测试〔2029〕1号', issuedOn: '2029-11-01', url: 'https://www.gov.cn/' },
      holidays: [{ name: '测试假', from: '2030-03-04', to: '2030-03-05' }],
      adjustedWorkdays: [{ date: '2030-03-09', for: '测试假' }],
    };
    const calendar = createHolidayCalendar([table]);
    expect(calendar.isWorkingDay('2030-03-04')).toBe(false);
    expect(calendar.isWorkingDay('2030-03-09')).toBe(true);
    expect(nthWorkingDayAfter('2030-03-01', 1, calendar)).toBe('2030-03-06');
    expect(() => createHolidayCalendar([{ ...table, holidays: [{ name: 'x', from: '2030-3-4', to: '2030-03-05' }] }])).toThrow();
  });

  it('falls back to weekends only for a year without a table', () => {
    expect(CN_HOLIDAY_CALENDAR.covers(2027)).toBe(false);
    expect(CN_HOLIDAY_CALENDAR.isWorkingDay('2027-10-01')).toBe(true);
    expect(CN_HOLIDAY_CALENDAR.isWorkingDay('2027-10-02')).toBe(false);
  });
});

describe('working-day deadlines across the National Day week', () => {
  it('asked the day before the holiday: accepted by the first day back, answered including the adjusted Saturday', () => {
    const asked = sh('2025-09-30T10:00:00');
    expect(dueDate(asked, 1)).toBe('2025-10-09');
    // Oct 9 (Thu), 10 (Fri), 11 (Sat, 调休上班), 13 (Mon), 14 (Tue)
    expect(dueDate(asked, 5)).toBe('2025-10-14');
  });

  it('asked during the holiday counts from the first working day after it', () => {
    expect(dueDate(sh('2025-10-03T09:00:00'), 1)).toBe('2025-10-09');
    expect(dueDate(sh('2025-10-03T09:00:00'), 3)).toBe('2025-10-11');
  });

  it('asked on the adjusted working Sunday before it: the next working day is Monday', () => {
    expect(dueDate(sh('2025-09-28T09:00:00'), 1)).toBe('2025-09-29');
    expect(dueDate(sh('2025-09-28T09:00:00'), 2)).toBe('2025-09-30');
    expect(dueDate(sh('2025-09-28T09:00:00'), 3)).toBe('2025-10-09');
  });

  it('2026: a 7-day break with adjusted working Sunday 9-20 and Saturday 10-10', () => {
    expect(dueDate(sh('2026-09-19T11:00:00'), 1)).toBe('2026-09-20');
    expect(dueDate(sh('2026-09-30T16:00:00'), 1)).toBe('2026-10-08');
    expect(dueDate(sh('2026-09-30T16:00:00'), 3)).toBe('2026-10-10');
  });
});

describe('working-day deadlines across Spring Festival', () => {
  it('2025: the adjusted Sunday before and the adjusted Saturday after count as working days', () => {
    const friday = sh('2025-01-24T15:00:00');
    expect(dueDate(friday, 1)).toBe('2025-01-26');
    // Jan 26 (Sun, 调休上班), 27 (Mon), then the break Jan 28 – Feb 4, then Feb 5, 6, 7
    expect(dueDate(friday, 5)).toBe('2025-02-07');
    expect(dueDate(sh('2025-02-07T17:30:00'), 1)).toBe('2025-02-08');
  });

  it('2026: asked on Friday 2-13, due on the adjusted Saturday 2-14, then after the nine-day break', () => {
    const friday = sh('2026-02-13T09:30:00');
    expect(dueDate(friday, 1)).toBe('2026-02-14');
    expect(dueDate(friday, 3)).toBe('2026-02-25');
    expect(dueDate(sh('2026-02-27T10:00:00'), 1)).toBe('2026-02-28');
  });
});

describe('working-day deadlines across year ends', () => {
  it('2025 → 2026: New Year 1-1 to 1-3 off, Sunday 1-4 a working day', () => {
    const lastDay = sh('2025-12-31T15:00:00');
    expect(dueDate(lastDay, 1)).toBe('2026-01-04');
    expect(dueDate(lastDay, 5)).toBe('2026-01-08');
  });

  it('reads the date in Shanghai, not UTC: half past midnight on Sunday 1-4 is already that working day', () => {
    const lateHoliday = sh('2026-01-03T23:30:00');
    const afterMidnight = sh('2026-01-04T00:30:00'); // still 1-3 in UTC
    expect(shanghaiDate(lateHoliday)).toBe('2026-01-03');
    expect(shanghaiDate(afterMidnight)).toBe('2026-01-04');
    expect(dueDate(lateHoliday, 1)).toBe('2026-01-04');
    expect(dueDate(afterMidnight, 1)).toBe('2026-01-05');
  });

  it('2024 → 2025 (no 2024 table): New Year’s Day 2025 is still a day off', () => {
    expect(dueDate(sh('2024-12-31T10:00:00'), 1)).toBe('2025-01-02');
  });

  it('a deadline is the last millisecond of that day in Shanghai', () => {
    expect(workingDayDeadline(sh('2025-09-30T10:00:00'), 1).toISOString()).toBe('2025-10-09T15:59:59.999Z');
    expect(endOfShanghaiDay('2026-01-04').toISOString()).toBe('2026-01-04T15:59:59.999Z');
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => nthWorkingDayAfter('2025-01-01', 0)).toThrow(RangeError);
  });
});
