import { communityPlace, formatDistance } from '@/lib/format-distance';

describe('formatDistance', () => {
  it('uses 米 under a kilometre and 公里 above', () => {
    expect(formatDistance(624.4)).toBe('624 米');
    expect(formatDistance(4123)).toBe('4.1 公里');
    expect(formatDistance(12345)).toBe('12 公里');
  });

  it('shows nothing when there is no distance', () => {
    expect(formatDistance(undefined)).toBe('');
    expect(formatDistance(Number.NaN)).toBe('');
  });

  it('joins the place parts that exist', () => {
    expect(communityPlace({ district: '东湖区', street: '', address: '八一大道' })).toBe('东湖区 · 八一大道');
  });
});
