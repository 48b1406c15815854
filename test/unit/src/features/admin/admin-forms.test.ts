import { communityFormSchema, communityInput, emptyCommunityForm, emptyGrantForm, grantFormSchema, grantInput, withRole, withScopeType } from '@/features/admin/admin-forms';
import { validateWith } from '@/lib/field-errors';

describe('community form', () => {
  it('turns text into the action’s input and passes the schema', () => {
    const values = { ...emptyCommunityForm(), name: '湖滨社区', district: '东湖区', street: '百花洲街道', streetId: 's-bhz', address: '八一大道', latitude: '28.6829', longitude: '115.8951' };
    const r = validateWith(communityFormSchema, communityInput(values));
    expect(r).toEqual({ ok: true, data: expect.objectContaining({ latitude: 28.6829, longitude: 115.8951, radius: 500 }) });
  });

  it('says what is wrong per field', () => {
    const r = validateWith(communityFormSchema, communityInput({ ...emptyCommunityForm(), latitude: '北纬', radius: '50' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBe('请填写社区名称');
    expect(r.errors.latitude).toBe('纬度必须是数字');
    expect(r.errors.radius).toBe('围栏半径不能小于 100 米');
  });
});

describe('grant form', () => {
  it('preselects the first (most usual) scope kind a role allows', () => {
    expect(withRole(emptyGrantForm(), 'community_staff')).toMatchObject({ role: 'community_staff', scopeType: 'community', scopeId: '' });
    expect(withRole(emptyGrantForm(), 'admin')).toMatchObject({ scopeType: 'global', scopeId: 'global' });
    expect(withRole(emptyGrantForm(), 'league_staff')).toMatchObject({ scopeType: 'community', scopeId: '' });
  });

  it('keeps a scope that still fits and clears one that does not', () => {
    const staff = { openid: 'o', role: 'community_staff', scopeType: 'community', scopeId: 'c1' };
    expect(withRole(staff, 'league_staff')).toMatchObject({ scopeType: 'community', scopeId: 'c1' });
    expect(withRole(staff, 'unit_admin')).toMatchObject({ scopeType: 'unit', scopeId: '' });
    expect(withScopeType(staff, 'street').scopeId).toBe('');
  });

  it('requires role and scope', () => {
    const r = validateWith(grantFormSchema, grantInput({ openid: 'demo-member', role: '', scopeType: '', scopeId: '' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['role', 'scopeId', 'scopeType']);
  });
});
