import { AppError } from '../../../../src/domain/errors';
import { memberProfileInput, userActions } from '../../../../src/domain/user.schema';
import { parseOrThrow } from '../../../../src/domain/validation';

const valid = { name: '王小明', phone: '13812345678', workUnitId: 'u-city-organ', partyBranch: '第一支部', skills: [] };

function issues(input: unknown) {
  try {
    parseOrThrow(memberProfileInput, input);
  } catch (error) {
    return (error as AppError).details?.issues;
  }
  return [];
}

describe('memberProfileInput', () => {
  it('accepts a valid profile and trims text', () => {
    expect(parseOrThrow(memberProfileInput, { ...valid, name: ' 王小明 ' }).name).toBe('王小明');
  });

  it.each([
    [{ phone: '1381234567' }, 'phone', '手机号应为 11 位数字，以 13–19 开头'],
    [{ phone: '12812345678' }, 'phone', '手机号应为 11 位数字，以 13–19 开头'],
    [{ name: '王' }, 'name', '姓名至少 2 个字'],
    [{ name: '' }, 'name', '姓名至少 2 个字'],
    [{ partyBranch: '支'.repeat(41) }, 'partyBranch', '所在党支部不能超过 40 个字'],
    [{ skills: ['飞行'] }, 'skills.0', '请从列表中选择特长'],
    [{ workUnitId: '{"$ne":null}' }, 'workUnitId', '工作单位格式不正确'],
  ])('%o → %s: %s', (override, field, message) => {
    expect(issues({ ...valid, ...override })).toEqual([{ field, message }]);
  });

  it('names a missing field in Chinese', () => {
    const { phone: _omit, ...rest } = valid;
    expect(issues(rest)).toEqual([{ field: 'phone', message: '请填写手机号' }]);
  });

  it('refuses unknown fields', () => {
    expect(issues({ ...valid, role: 'admin' })?.[0].message).toMatch(/role|未知|无法识别/);
  });
});

describe('listCommunities', () => {
  it('needs latitude and longitude together', () => {
    expect(() => parseOrThrow(userActions.listCommunities, { latitude: 28.6 })).toThrow(AppError);
    expect(parseOrThrow(userActions.listCommunities, {})).toEqual({});
  });
});
