import { checkTemplateValue, templateKeyType } from '../../../../emulator/wx/subscribe-message-rules';

describe('templateKeyType', () => {
  it.each([
    ['thing1', 'thing'],
    ['character_string12', 'character_string'],
    ['phone_number3', 'phone_number'],
    ['car_number2', 'car_number'],
    ['number01', 'number'],
    ['site01', undefined],
    ['thing', undefined],
  ])('%s → %s', (key, type) => expect(templateKeyType(key)).toBe(type));
});

describe('checkTemplateValue (WeChat 订阅消息参数值内容限制)', () => {
  it.each([
    ['thing1', '这是二十个字以内的事物描述内容'],
    ['thing1', 'a'.repeat(20)],
    ['number2', '-12.50'],
    ['letter3', 'abcXYZ'],
    ['symbol4', '!@#'],
    ['character_string5', 'ORDER-2024_05#01'],
    ['time6', '15:01'],
    ['time6', '2019年10月1日 15:01'],
    ['time6', '2024-05-01 09:30:00 ~ 2024-05-01 11:30'],
    ['date7', '2019年10月1日'],
    ['date7', '2024-05-01 15:01'],
    ['amount8', '¥100.50'],
    ['amount8', '0.01'],
    ['amount8', '300元'],
    ['phone_number9', '+86-0766-66888866'],
    ['car_number10', '粤A8Z888挂'],
    ['name11', '张三'],
    ['name11', 'John Smith'],
    ['phrase12', '配送中'],
    ['enum13', 'ANY_VALUE'],
    ['site01', 'TIT创意园'],
  ])('accepts %s = %j', (key, value) => expect(checkTemplateValue(key, value)).toBeUndefined());

  it.each([
    ['thing1', 'a'.repeat(21)],
    ['number2', '12a'],
    ['letter3', 'abc1'],
    ['symbol4', '!!!!!!'],
    ['symbol4', 'a!'],
    ['character_string5', '有中文'],
    ['character_string5', 'x'.repeat(33)],
    ['time6', '2019年10月1日'],
    ['time6', '25:00'],
    ['date7', '15:01'],
    ['amount8', '12345678901'],
    ['phone_number9', '123456789012345678'],
    ['phone_number9', 'call me'],
    ['car_number10', '粤A8Z888挂X'],
    ['name11', '这个名字一共有十一个汉字'],
    ['phrase12', '六个汉字太长'],
    ['phrase12', 'ok'],
  ])('rejects %s = %j', (key, value) => expect(checkTemplateValue(key, value)).toBe('invalid'));

  it('calls an empty value empty, whatever its type', () => {
    expect(checkTemplateValue('thing1', '')).toBe('is empty');
    expect(checkTemplateValue('site01', '')).toBe('is empty');
  });
});
