import { deadlineText } from '../../../../../src/features/qa/qa-format';

describe('the deadline beside a question', () => {
  it('says 预计 while the deadline was counted over a year without a holiday table', () => {
    expect(deadlineText({ status: 'accepted', dueAt: '2027-01-04T15:59:59.999Z', dueProvisional: true })).toBe('答复截止 01-04 23:59（预计）');
    expect(deadlineText({ status: 'submitted', dueAt: '2026-12-29T15:59:59.999Z', dueProvisional: false })).toBe('受理截止 12-29 23:59');
    expect(deadlineText({ status: 'answered', dueAt: null, dueProvisional: false })).toBe('');
  });
});
