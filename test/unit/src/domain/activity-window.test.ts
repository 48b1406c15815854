import { activityLengthHours, activityPhase, checkInWindow, checkOutWindow, floorToHalfHour, servedHours } from '../../../../src/domain/activity-window';
import { parseShanghaiMinute } from '../../../../src/domain/shanghai-time';

const at = (text: string) => parseShanghaiMinute(text) as Date;
const DAY = { startAt: at('2025-06-01 09:00'), endAt: at('2025-06-01 12:00') };
/** 22:00 → 01:00 the next day. */
const NIGHT = { startAt: at('2025-06-01 22:00'), endAt: at('2025-06-02 01:00') };

describe('check-in window: from 2 h before the start until the end', () => {
  it.each([
    ['2025-06-01 06:59', false],
    ['2025-06-01 07:00', true],
    ['2025-06-01 12:00', true],
    ['2025-06-01 12:01', false],
  ])('at %s open=%p', (now, open) => expect(checkInWindow(DAY, at(now)).open).toBe(open));

  it('says when it opens, in Shanghai time', () => {
    expect(checkInWindow(DAY, at('2025-06-01 06:00'))).toEqual({ open: false, message: '签到尚未开始：活动开始前 2 小时起可签到（2025-06-01 07:00 起）' });
  });

  it('crosses midnight: opens 20:00 the first day, still open at 00:30 the next', () => {
    expect(checkInWindow(NIGHT, at('2025-06-01 20:00')).open).toBe(true);
    expect(checkInWindow(NIGHT, at('2025-06-02 00:30')).open).toBe(true);
    expect(checkInWindow(NIGHT, at('2025-06-02 01:01')).open).toBe(false);
  });
});

describe('check-out window: until 2 h after the end', () => {
  it.each([
    ['2025-06-01 14:00', true],
    ['2025-06-01 14:01', false],
  ])('at %s open=%p', (now, open) => expect(checkOutWindow(DAY, at(now)).open).toBe(open));
});

describe('hours served', () => {
  it('counts only time inside the activity window (early arrival and late stay excluded)', () => {
    expect(servedHours(DAY, at('2025-06-01 07:30'), at('2025-06-01 13:30'))).toBe(3);
  });

  it('rounds down to the half hour', () => {
    expect(servedHours(DAY, at('2025-06-01 09:00'), at('2025-06-01 10:29'))).toBe(1);
    expect(servedHours(DAY, at('2025-06-01 09:00'), at('2025-06-01 10:30'))).toBe(1.5);
    expect(servedHours(DAY, at('2025-06-01 09:00'), at('2025-06-01 09:29'))).toBe(0);
  });

  it('across midnight', () => {
    expect(servedHours(NIGHT, at('2025-06-01 21:50'), at('2025-06-02 01:10'))).toBe(3);
    expect(activityLengthHours(NIGHT)).toBe(3);
  });

  it('never negative', () => expect(floorToHalfHour(-5)).toBe(0));
});

describe('phase', () => {
  it.each([
    ['2025-06-01 06:00', 'upcoming'],
    ['2025-06-01 08:00', 'checkin_open'],
    ['2025-06-01 13:00', 'ended'],
    ['2025-06-01 15:00', 'closed'],
  ])('at %s → %s', (now, phase) => expect(activityPhase(DAY, at(now))).toBe(phase));
});
