import { emptyMemberForm, formFromProfile, validateMemberForm } from '@/features/profile/member-form-model';

const valid = { name: '张三', phone: '13812341234', workUnitId: 'u-1', branchId: 'o-b-organ-1', partyBranch: '机关第一党支部', skills: ['政策宣讲'] };

describe('validateMemberForm (the function’s own schema)', () => {
  it('accepts a complete form and trims text', () => {
    const r = validateMemberForm({ ...valid, name: ' 张三 ' });
    expect(r).toEqual({ ok: true, data: { ...valid, name: '张三' } });
  });

  it('gives each empty field its Chinese message', () => {
    const r = validateMemberForm(emptyMemberForm());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      name: '姓名至少 2 个字',
      phone: '手机号应为 11 位数字，以 13–19 开头',
      workUnitId: '请选择工作单位',
      branchId: '请从组织架构中选择所在党支部',
    });
  });

  it('refuses a profile whose branch is only free text (not picked from the tree)', () => {
    const r = validateMemberForm({ ...valid, branchId: '' });
    expect(r).toEqual({ ok: false, errors: { branchId: '请从组织架构中选择所在党支部' } });
  });

  it('rejects a bad phone and too many skills', () => {
    const r = validateMemberForm({ ...valid, phone: '12345', skills: ['政策宣讲', '法律咨询', '医疗健康', '教育辅导', '心理疏导', '其他'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.phone).toBe('手机号应为 11 位数字，以 13–19 开头');
    expect(r.errors.skills).toBe('特长最多选 5 项');
  });
});

describe('formFromProfile', () => {
  it('prefills from one’s own profile', () => {
    const profile = { ...valid, openid: 'o', workUnitName: '单位', registeredAt: '2025-01-01' };
    expect(formFromProfile(profile)).toEqual(valid);
    expect(formFromProfile(null)).toEqual(emptyMemberForm());
  });

  it('does not prefill a masked phone', () => {
    const profile = { ...valid, phone: '138****1234', openid: 'o', workUnitName: '单位', registeredAt: '' };
    expect(formFromProfile(profile).phone).toBe('');
  });
});
