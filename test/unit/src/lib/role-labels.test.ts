import { grantLabel, hasRole, roleLabel, roleLines } from '@/lib/role-labels';

describe('role labels', () => {
  it('names roles in Chinese and falls back to the code', () => {
    expect(roleLabel('community_staff')).toBe('社区工作人员');
    expect(roleLabel('unknown_role')).toBe('unknown_role');
  });

  it('shows the scope of a grant, but not for a global one', () => {
    expect(grantLabel({ role: 'community_staff', scopeType: 'community', scopeId: 'c1', scopeName: '湖滨社区' })).toBe('社区工作人员（湖滨社区）');
    expect(grantLabel({ role: 'admin', scopeType: 'global', scopeId: 'global', scopeName: '全局' })).toBe('系统管理员');
  });

  it('lists each role once, granted ones with their scopes', () => {
    const me = {
      roles: ['resident', 'member', 'community_staff'],
      grants: [{ role: 'community_staff', scopeType: 'community', scopeId: 'c1', scopeName: '湖滨社区' }],
    };
    expect(roleLines(me)).toEqual(['居民', '在职党员', '社区工作人员（湖滨社区）']);
    expect(hasRole(me, 'league_staff', 'community_staff')).toBe(true);
  });
});
