import { isArchived, orderNotices, publicityEndsAt } from '../../../../src/domain/notice-publicity';

const sh = (local: string) => new Date(`${local}+08:00`);

describe('公示 period', () => {
  it('runs seven calendar days counting the day of publication, then archives', () => {
    const ends = publicityEndsAt('微心愿公示', sh('2025-10-01T20:00:00'));
    expect(ends?.toISOString()).toBe('2025-10-07T15:59:59.999Z');
    expect(isArchived(ends, sh('2025-10-07T23:59:00'))).toBe(false);
    expect(isArchived(ends, sh('2025-10-08T00:00:00'))).toBe(true);
  });

  it('takes another length, and does not apply to ordinary notices', () => {
    expect(publicityEndsAt('评星公示', sh('2025-12-30T09:00:00'), 5)?.toISOString()).toBe('2026-01-03T15:59:59.999Z');
    expect(publicityEndsAt('通知公告', sh('2025-10-01T09:00:00'))).toBeNull();
    expect(isArchived(null, sh('2099-01-01T00:00:00'))).toBe(false);
  });
});

describe('notice order', () => {
  it('puts pinned current notices first and never pins an archived one to the top', () => {
    const n = (id: string, day: number, pinned: boolean, archived: boolean) => ({ id, publishedAt: new Date(2025, 9, day), pinned, archived });
    const { current, archived } = orderNotices([n('a', 1, false, false), n('b', 2, true, true), n('c', 3, false, false), n('d', 0, true, false)]);
    expect(current.map((x) => x.id)).toEqual(['d', 'c', 'a']);
    expect(archived.map((x) => x.id)).toEqual(['b']);
  });
});
