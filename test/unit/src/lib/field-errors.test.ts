import { CloudError } from '@/lib/cloud-error';
import { FIX_AND_RETRY, FORM_KEY, fieldErrorsFromServer, fieldOf, issuesToFieldErrors, numberField, splitServerErrors, toastMessage } from '@/lib/field-errors';

describe('issuesToFieldErrors', () => {
  it('keeps the first message per top-level field', () => {
    expect(
      issuesToFieldErrors([
        { field: 'phone', message: '请填写手机号' },
        { field: 'phone', message: '第二条' },
        { field: 'skills.2', message: '请从列表中选择特长' },
      ]),
    ).toEqual({ phone: '请填写手机号', skills: '请从列表中选择特长' });
  });

  it('collects messages about fields the form does not show under the form key', () => {
    const errors = issuesToFieldErrors(
      [
        { field: 'requestId', message: '请求编号格式不正确' },
        { field: '(参数)', message: '参数不正确' },
        { field: 'name', message: '请填写姓名' },
      ],
      ['name'],
    );
    expect(errors).toEqual({ name: '请填写姓名', [FORM_KEY]: '请求编号格式不正确；参数不正确' });
  });

  it('fieldOf takes the head of a dotted path', () => {
    expect(fieldOf('skills.0')).toBe('skills');
    expect(fieldOf('(参数)')).toBe(FORM_KEY);
  });
});

describe('fieldErrorsFromServer', () => {
  it('maps INVALID_ARGUMENT issues to fields', () => {
    const error = new CloudError('INVALID_ARGUMENT', 'x', { issues: [{ field: 'partyBranch', message: '所在党支部不能超过 40 个字' }] });
    expect(fieldErrorsFromServer(error, ['partyBranch'])).toEqual({ partyBranch: '所在党支部不能超过 40 个字' });
  });

  it('puts an INVALID_ARGUMENT without issues on the form', () => {
    expect(fieldErrorsFromServer(new CloudError('INVALID_ARGUMENT', '参数不正确'))).toEqual({ [FORM_KEY]: '参数不正确' });
  });

  it('ignores other errors', () => {
    expect(fieldErrorsFromServer(new CloudError('FORBIDDEN', '没有权限'))).toBeNull();
    expect(fieldErrorsFromServer(new Error('boom'))).toBeNull();
  });
});

describe('numberField', () => {
  it('parses numbers and leaves the rest for the schema to reject', () => {
    expect(numberField(' 28.68 ')).toBe(28.68);
    expect(numberField('')).toBeUndefined();
    expect(numberField('abc')).toBe('abc');
  });
});

describe('toastMessage and splitServerErrors (a toast never shows a field key or a code)', () => {
  const invalid = new CloudError('INVALID_ARGUMENT', '原因至少 4 个字；请上传照片', {
    issues: [
      { field: 'reason', message: '原因至少 4 个字' },
      { field: 'photos', message: '请上传照片' },
    ],
  });

  it('shows only the Chinese messages of a rejection', () => {
    expect(toastMessage(invalid)).toBe('原因至少 4 个字；请上传照片');
    expect(toastMessage(new CloudError('CONFLICT', '心愿已被认领'))).toBe('心愿已被认领');
  });

  it('puts the messages of shown fields under them and tells the toast to look there', () => {
    expect(splitServerErrors(invalid, ['reason', 'photos'])).toEqual({ fieldErrors: { reason: '原因至少 4 个字', photos: '请上传照片' }, toast: FIX_AND_RETRY });
  });

  it('puts a message whose field is not on the screen in the toast, without its field key', () => {
    expect(splitServerErrors(invalid, ['reason'])).toEqual({ fieldErrors: { reason: '原因至少 4 个字' }, toast: '请上传照片' });
    expect(splitServerErrors(invalid, [])).toEqual({ fieldErrors: {}, toast: '原因至少 4 个字；请上传照片' });
  });

  it('leaves errors that are not about fields to the toast', () => {
    expect(splitServerErrors(new CloudError('FORBIDDEN', '没有权限进行此操作'), ['reason'])).toEqual({ fieldErrors: {}, toast: '没有权限进行此操作' });
  });
});
