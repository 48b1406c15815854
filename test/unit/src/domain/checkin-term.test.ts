import { checkinStanding, checkinValidUntil, decideReport } from '../../../../src/domain/checkin-term';
import { formatShanghaiMinute, parseShanghaiMinute } from '../../../../src/domain/shanghai-time';

const at = (text: string) => parseShanghaiMinute(text) as Date;

describe('renewal every half year', () => {
  it('a 报到 is valid for six months, in Shanghai wall-clock time', () => {
    expect(formatShanghaiMinute(checkinValidUntil(at('2025-01-15 08:30')))).toBe('2025-07-15 08:30');
    // Late-night Shanghai is the previous day in UTC; the month arithmetic must not slip a day.
    expect(formatShanghaiMinute(checkinValidUntil(at('2025-03-01 00:30')))).toBe('2025-09-01 00:30');
  });

  it('stands active until it lapses, then is due', () => {
    const confirmed = { communityId: 'c1', status: 'confirmed' as const, validUntil: at('2025-07-15 08:30') };
    expect(checkinStanding(confirmed, at('2025-07-15 08:29'))).toBe('active');
    expect(checkinStanding(confirmed, at('2025-07-15 08:30'))).toBe('due');
    expect(checkinStanding(null, at('2025-07-15 08:30'))).toBe('none');
  });
});

describe('a new scan', () => {
  const now = at('2025-03-01 10:00');
  const live = { communityId: 'c1', status: 'pending' as const, validUntil: at('2025-07-01 10:00') };

  it('keeps a live 报到 of the same community (a repeated scan)', () => {
    expect(decideReport(live, 'c1', now)).toEqual({ kind: 'keep' });
  });

  it('withdraws a live 报到 elsewhere (one active at a time)', () => {
    expect(decideReport({ ...live, status: 'confirmed' }, 'c2', now)).toEqual({ kind: 'replace', endStatus: 'withdrawn', endReason: 'moved' });
  });

  it('renews a lapsed one, keeping its status in history', () => {
    expect(decideReport({ ...live, status: 'confirmed' }, 'c1', at('2025-07-01 10:00'))).toEqual({ kind: 'replace', endStatus: 'confirmed', endReason: 'renewed' });
  });

  it('starts again after a rejection', () => {
    expect(decideReport({ ...live, status: 'rejected' }, 'c1', now)).toEqual({ kind: 'replace', endStatus: 'rejected', endReason: 'reported_again' });
  });
});
