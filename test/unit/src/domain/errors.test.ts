import { invalidArgument } from '../../../../src/domain/errors';
import { parseOrThrow } from '../../../../src/domain/validation';
import { wishActions } from '../../../../src/domain/wish.schema';

describe('invalidArgument', () => {
  it('keeps field keys out of the message a toast shows, and in the details a form reads', () => {
    const error = invalidArgument([
      { field: 'photos', message: '请上传照片' },
      { field: 'note', message: '说明至少 4 个字' },
    ]);
    expect(error.message).toBe('请上传照片；说明至少 4 个字');
    expect(error.toBody().details?.issues).toEqual([
      { field: 'photos', message: '请上传照片' },
      { field: 'note', message: '说明至少 4 个字' },
    ]);
  });

  it('says nothing in English for a schema refusal either', () => {
    let message = '';
    try {
      parseOrThrow(wishActions.post, { title: '', story: '' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toMatch(/[A-Za-z]/);
  });
});
