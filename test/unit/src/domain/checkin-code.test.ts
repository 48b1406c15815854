import {
  CHECKIN_CODE_WINDOW_MS,
  codeWindowEndsAt,
  codeWindowOf,
  formatCheckinCode,
  isFreshWindow,
  parseCheckinCode,
  refreshDelayMs,
} from '../../../../src/domain/checkin-code';

describe('the rotating check-in code window', () => {
  const start = new Date('2026-03-02T09:00:00+08:00');
  const later = (ms: number) => new Date(start.getTime() + ms);

  it('changes every 30 s and a code stays fresh through its window and the next one only', () => {
    const window = codeWindowOf(start);
    expect(codeWindowOf(later(CHECKIN_CODE_WINDOW_MS))).toBe(window + 1);
    // A moving clock: fresh while the window and the one after it last, stale from then on.
    for (let ms = 0; ms < 2 * CHECKIN_CODE_WINDOW_MS; ms += 1_000) expect(isFreshWindow(window, later(ms))).toBe(true);
    for (let ms = 2 * CHECKIN_CODE_WINDOW_MS; ms < 10 * CHECKIN_CODE_WINDOW_MS; ms += 7_000) expect(isFreshWindow(window, later(ms))).toBe(false);
  });

  it('refuses a window from the future (a code no server made yet)', () => {
    expect(isFreshWindow(codeWindowOf(start) + 1, start)).toBe(false);
  });

  it('tells the staff page to fetch the next code before the shown one ends', () => {
    const window = codeWindowOf(start);
    const ends = codeWindowEndsAt(window).getTime();
    for (let ms = 0; ms < CHECKIN_CODE_WINDOW_MS; ms += 2_500) {
      const now = later(ms);
      if (now.getTime() >= ends) break;
      const delay = refreshDelayMs(window, now);
      expect(delay).toBeGreaterThanOrEqual(1_000);
      expect(now.getTime() + delay).toBeLessThan(ends + 1_000);
    }
  });
});

describe('the check-in code text', () => {
  it('round-trips and rejects anything else', () => {
    const parts = { activityId: 'act_1-x', window: 59_000_123, signature: 'abcDEF0123456789_-xyz' };
    expect(parseCheckinCode(formatCheckinCode(parts))).toEqual(parts);
    for (const bad of ['', 'hello', 'HDQD.a.b.c', 'HDQD.act.12.short', `HDQD.act.-1.${'a'.repeat(20)}`, `HDQD.a.b.1.${'a'.repeat(20)}`]) {
      expect(parseCheckinCode(bad)).toBeNull();
    }
  });
});
