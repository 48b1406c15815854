import { askerNextStep, deadlineText } from '../../../../../src/features/qa/qa-format';

describe('the deadline beside a question', () => {
  it('says 预计 while the deadline was counted over a year without a holiday table', () => {
    expect(deadlineText({ status: 'accepted', dueAt: '2027-01-04T15:59:59.999Z', dueProvisional: true })).toBe('答复截止 01-04 23:59（预计）');
    expect(deadlineText({ status: 'submitted', dueAt: '2026-12-29T15:59:59.999Z', dueProvisional: false })).toBe('受理截止 12-29 23:59');
    expect(deadlineText({ status: 'answered', dueAt: null, dueProvisional: false })).toBe('');
  });
});

describe('what the asker is told next', () => {
  it('names who answers and the working days of the category while the question waits, and nothing once answered', () => {
    expect(askerNextStep({ status: 'submitted', category: '政策咨询', communityName: '湖滨社区' })).toBe('下一步：湖滨社区将在 3 个工作日内答复（节假日不计），答复后会通知您，届时请对答复作出评价。');
    expect(askerNextStep({ status: 'accepted', category: '环境卫生', communityName: '湖滨社区' })).toContain('5 个工作日内答复');
    expect(askerNextStep({ status: 'answered', category: '环境卫生', communityName: '湖滨社区' })).toBeNull();
    expect(askerNextStep({ status: 'closed', category: '环境卫生', communityName: '湖滨社区' })).toBeNull();
  });
});
