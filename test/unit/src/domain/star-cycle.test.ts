import { createHolidayCalendar } from '../../../../src/domain/holiday-calendar';
import { downgradeRefusal, effectiveStatus, objectionOpen, publicityEndsAt, sheetEditRefusal, starTransition, type StarStatus } from '../../../../src/domain/star-cycle';

describe('the 五星创评 cycle', () => {
  it('moves a branch from 自评 through 审核 to 公示, and an objection back to review', () => {
    const path: [StarStatus, Parameters<typeof starTransition>[1], StarStatus][] = [
      ['self_assessing', 'submit', 'submitted'],
      ['submitted', 'review', 'reviewed'],
      ['reviewed', 'rate', 'publicised'],
      ['publicised', 'object', 'objected'],
      ['objected', 'review', 'reviewed'],
      ['submitted', 'returnToBranch', 'self_assessing'],
    ];
    for (const [from, step, to] of path) expect(starTransition(from, step)).toMatchObject({ ok: true, to });
  });

  it('refuses steps out of order with a Chinese reason', () => {
    expect(starTransition('self_assessing', 'review')).toEqual({ ok: false, message: '该支部现在不在待审核状态' });
    expect(starTransition('submitted', 'rate')).toEqual({ ok: false, message: '该支部尚未通过上级审核，不能评定' });
    expect(starTransition('submitted', 'selfAssess')).toEqual({ ok: false, message: '自评已提交，不能再修改' });
    expect(starTransition('reviewed', 'object')).toEqual({ ok: false, message: '该支部不在公示期内，不能提出异议' });
  });

  it('publishes for 5 working days, skipping weekends and holidays', () => {
    const calendar = createHolidayCalendar([]);
    // Friday 2026-03-06 10:00 Shanghai → Mon 9, Tue 10, Wed 11, Thu 12, Fri 13.
    expect(publicityEndsAt(new Date('2026-03-06T02:00:00Z'), calendar).toISOString()).toBe('2026-03-13T15:59:59.999Z');
    // Thursday 2026-09-24 → 中秋 (25 September) and 国庆 (1–7 October) are skipped: 28, 29, 30 September, 8, 9 October.
    expect(publicityEndsAt(new Date('2026-09-24T02:00:00Z')).toISOString()).toBe('2026-10-09T15:59:59.999Z');
  });

  it('becomes final when 公示 ends, and only takes objections while it runs', () => {
    const end = new Date('2026-03-13T15:59:59.999Z');
    expect(effectiveStatus('publicised', end, new Date('2026-03-13T15:00:00Z'))).toBe('publicised');
    expect(effectiveStatus('publicised', end, new Date('2026-03-13T16:00:00Z'))).toBe('final');
    expect(objectionOpen('publicised', end, new Date('2026-03-13T15:00:00Z'))).toBe(true);
    expect(objectionOpen('publicised', end, new Date('2026-03-14T00:00:00Z'))).toBe(false);
    expect(objectionOpen('objected', end, new Date('2026-03-13T15:00:00Z'))).toBe(true);
  });

  it('freezes the sheet once self-assessment opens', () => {
    expect(sheetEditRefusal('draft')).toBeNull();
    expect(sheetEditRefusal('frozen')).toBe('本年度评分表已在自评开始时锁定，不能再修改');
  });

  it('lets a standing rating be lowered to 二星 or 一星 only (降级摘星)', () => {
    expect(downgradeRefusal('publicised', 4, 2)).toBeNull();
    expect(downgradeRefusal('objected', 3, 1)).toBeNull();
    expect(downgradeRefusal('publicised', 4, 3)).toBe('直接定级情形下只能定为二星或一星');
    expect(downgradeRefusal('publicised', 2, 2)).toBe('摘星后的星级必须低于现在的星级');
    expect(downgradeRefusal('reviewed', null, 1)).toBe('只有已评定的党支部可以摘星');
  });
});
