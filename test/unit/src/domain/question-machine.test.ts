import { AppError } from '../../../../src/domain/errors';
import {
  acceptQuestion,
  acceptTransfer,
  answerQuestion,
  declineTransfer,
  escalateQuestion,
  followUpQuestion,
  isOverdue,
  newQuestion,
  rateQuestion,
  requestTransfer,
  type Question,
} from '../../../../src/domain/question-machine';

const sh = (local: string) => new Date(`${local}+08:00`);
const community = { id: 'c-hubin', name: '湖滨社区', streetId: 'st-bhz', streetName: '百花洲街道' };

const ask = (overrides: Partial<Parameters<typeof newQuestion>[0]> = {}, now = sh('2025-09-30T10:00:00')): Question =>
  newQuestion(
    { title: '楼道灯坏了', content: '3 栋 2 单元楼道灯坏了一周', category: '社区治理', photos: [], isPublic: true, ...overrides },
    { askerOpenid: 'asker', askerName: '张三', community, needsReview: false, now },
  );

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'OK';
};

describe('asking', () => {
  it('sets the accept and answer deadlines in working days and puts it on the community desk', () => {
    const q = ask();
    expect(q.acceptDueAt.toISOString()).toBe('2025-10-09T15:59:59.999Z');
    expect(q.answerDueAt.toISOString()).toBe('2025-10-14T15:59:59.999Z');
    expect(q.dueAt).toEqual(q.acceptDueAt);
    expect(q.inboxKeys).toEqual(['community:c-hubin']);
    expect(q.publicListed).toBe(false);
  });

  it('gives simple categories 3 working days to answer', () => {
    expect(ask({ category: '政策咨询' }).answerDueAt.toISOString()).toBe('2025-10-11T15:59:59.999Z');
  });
});

describe('handling', () => {
  it('accept → answer: leaves the inbox, records whether it was on time, and goes public', () => {
    const accepted = acceptQuestion(ask(), sh('2025-10-09T09:00:00'));
    expect(accepted.dueAt).toEqual(accepted.answerDueAt);
    const answered = answerQuestion(accepted, { text: '已报修', photos: [], org: '湖滨社区' }, sh('2025-10-10T09:00:00'));
    expect(answered).toMatchObject({ status: 'answered', answeredOnTime: true, inboxKeys: [], publicListed: true, dueAt: null, version: 3 });
    expect(codeOf(() => acceptQuestion(answered, sh('2025-10-10T10:00:00')))).toBe('FAILED_PRECONDITION');
    expect(codeOf(() => answerQuestion(answered, { text: 'x', photos: [], org: 'x' }, sh('2025-10-10T10:00:00')))).toBe('FAILED_PRECONDITION');
  });

  it('a late first answer is not on time, and a private question never goes public', () => {
    const answered = answerQuestion(ask({ isPublic: false }), { text: '已处理', photos: [], org: '湖滨社区' }, sh('2025-10-15T09:00:00'));
    expect(answered.answeredOnTime).toBe(false);
    expect(answered.publicListed).toBe(false);
  });
});

describe('the asker', () => {
  const answered = () => answerQuestion(ask(), { text: '已报修', photos: [], org: '湖滨社区' }, sh('2025-10-10T09:00:00'));

  it('follows up once, which returns it to the desk with a new deadline', () => {
    const followed = followUpQuestion(answered(), '什么时候修好？', sh('2025-10-10T12:00:00'));
    expect(followed).toMatchObject({ status: 'accepted', followedUp: true, inboxKeys: ['community:c-hubin'] });
    // Oct 11 (Sat, 调休上班), 13, 14, 15, 16
    expect(followed.answerDueAt.toISOString()).toBe('2025-10-16T15:59:59.999Z');
    const again = answerQuestion(followed, { text: '周一修好', photos: [], org: '湖滨社区' }, sh('2025-10-11T09:00:00'));
    expect(codeOf(() => followUpQuestion(again, '再问一次', sh('2025-10-11T10:00:00')))).toBe('CONFLICT');
  });

  it('不满意 reopens once; the second rating closes it, and a third is refused', () => {
    const reopened = rateQuestion(answered(), '不满意', '还没修', sh('2025-10-10T12:00:00'));
    expect(reopened).toMatchObject({ status: 'accepted', reopened: true, rating: null });
    expect(reopened.thread.map((e) => e.kind)).toEqual(['answered', 'rated', 'reopened']);
    expect(codeOf(() => rateQuestion(reopened, '满意', undefined, sh('2025-10-10T13:00:00')))).toBe('FAILED_PRECONDITION');
    const reanswered = answerQuestion(reopened, { text: '已修好', photos: [], org: '湖滨社区' }, sh('2025-10-11T09:00:00'));
    const closed = rateQuestion(reanswered, '不满意', undefined, sh('2025-10-11T10:00:00'));
    expect(closed).toMatchObject({ status: 'closed', rating: '不满意' });
    expect(codeOf(() => rateQuestion(closed, '满意', undefined, sh('2025-10-11T11:00:00')))).toBe('CONFLICT');
  });

  it('cannot rate before an answer', () => {
    expect(codeOf(() => rateQuestion(ask(), '满意', undefined, sh('2025-10-01T10:00:00')))).toBe('FAILED_PRECONDITION');
  });
});

describe('transfer', () => {
  const unit = { type: 'unit' as const, id: 'u-power', name: '供电公司' };

  it('keeps the first receiver responsible until the transfer is accepted', () => {
    const pending = requestTransfer(ask(), unit, '属供电线路问题', sh('2025-09-30T11:00:00'));
    expect(pending.handler.id).toBe('c-hubin');
    expect(pending.inboxKeys).toEqual(['community:c-hubin', 'unit:u-power']);
    expect(codeOf(() => requestTransfer(pending, unit, '再转一次', sh('2025-09-30T12:00:00')))).toBe('CONFLICT');
    const moved = acceptTransfer(pending, sh('2025-09-30T14:00:00'));
    expect(moved.handler).toEqual(unit);
    expect(moved.inboxKeys).toEqual(['unit:u-power']);
  });

  it('a declined transfer leaves it where it was', () => {
    const declined = declineTransfer(requestTransfer(ask(), unit, '属供电线路问题', sh('2025-09-30T11:00:00')), '不属本单位', sh('2025-09-30T12:00:00'));
    expect(declined.inboxKeys).toEqual(['community:c-hubin']);
    expect(declined.transfer).toBeNull();
  });

  it('refuses a transfer to the current handler', () => {
    expect(codeOf(() => requestTransfer(ask(), { type: 'community', id: 'c-hubin', name: '湖滨社区' }, '转给自己', sh('2025-09-30T11:00:00')))).toBe('INVALID_ARGUMENT');
  });
});

describe('escalation', () => {
  it('is refused before the deadline and puts an overdue question on the 街道 desk', () => {
    const q = ask();
    expect(codeOf(() => escalateQuestion(q, sh('2025-10-09T23:00:00'), 'system'))).toBe('FAILED_PRECONDITION');
    const late = sh('2025-10-10T00:00:01');
    expect(isOverdue(q, late)).toBe(true);
    const escalated = escalateQuestion(q, late, 'system');
    expect(escalated.inboxKeys).toEqual(['community:c-hubin', 'street:st-bhz']);
    expect(codeOf(() => escalateQuestion(escalated, late, 'system'))).toBe('CONFLICT');
  });
});
