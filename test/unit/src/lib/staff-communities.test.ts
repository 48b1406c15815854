import { staffCommunities } from '@/lib/staff-communities';

describe('staffCommunities', () => {
  it('lists each community the caller staffs once, not streets or units', () => {
    expect(
      staffCommunities([
        { role: 'community_staff', scopeType: 'community', scopeId: 'c1', scopeName: '湖滨社区' },
        { role: 'league_staff', scopeType: 'community', scopeId: 'c1', scopeName: '湖滨社区' },
        { role: 'league_staff', scopeType: 'street', scopeId: 's1', scopeName: 's1' },
        { role: 'unit_admin', scopeType: 'unit', scopeId: 'u1', scopeName: '单位' },
      ]),
    ).toEqual([{ id: 'c1', name: '湖滨社区' }]);
  });
});
