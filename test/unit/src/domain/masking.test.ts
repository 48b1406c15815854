import { maskName, maskPhone, WITHDRAWN_LABEL } from '../../../../src/domain/masking';

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['李建国', '李**'],
    ['欧阳娜娜', '欧***'],
    ['王', '*'],
    ['  赵六 ', '赵*'],
    ['', ''],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
  it('leaves the label of a withdrawn person readable (it names nobody)', () => expect(maskName(WITHDRAWN_LABEL)).toBe('已注销用户'));
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => expect(maskPhone('13812345678')).toBe('138****5678'));
  it('hides anything that is not an 11-digit phone entirely', () => {
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone('0791-8888888')).toBe('****');
  });
});
