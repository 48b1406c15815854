import { render, waitFor } from '@testing-library/react';
import type { QuestionView } from '@/domain/question.schema';
import type { ServiceLogView } from '@/domain/service-log.schema';
import { QuestionDetail } from '@/features/qa/question-detail';
import { ServiceReview } from '@/features/records/service-review';
import { answerCalls } from '../platform';

/** 「审核中」/「未通过审核」 over photos WeChat has not passed: on 问政 and on service-log evidence as on wishes. */
const PHOTO = 'http://127.0.0.1/files/q1.png';
const ANSWER_PHOTO = 'http://127.0.0.1/files/a1.png';

function aQuestionView(overrides: Partial<QuestionView> = {}): QuestionView {
  return {
    id: 'q-1', title: '小区路灯不亮', category: '社区治理', status: 'answered', communityName: '湖滨社区', handlerName: '湖滨社区',
    askedAt: '2026-03-02T01:00:00.000Z', dueAt: null, dueProvisional: false, overdue: false, escalated: false, rating: null,
    content: '3 栋门口的路灯坏了一周。', askerName: '张三', isPublic: true, photos: [{ fileId: 'f-q1', url: PHOTO }], photoMarks: {},
    streetName: '东湖街道', acceptDueAt: '2026-03-03T01:00:00.000Z', answerDueAt: '2026-03-09T01:00:00.000Z', acceptDueProvisional: false, answerDueProvisional: false,
    followedUp: false, reopened: false, transfer: null,
    thread: [{ kind: 'answered', at: '2026-03-02T05:00:00.000Z', by: '湖滨社区', text: '已联系物业维修。', photos: [{ fileId: 'f-a1', url: ANSWER_PHOTO }] }],
    viewer: { isAsker: true, canHandle: false, canReceiveTransfer: false, actions: [] },
    ...overrides,
  };
}

const marks = (container: HTMLElement) => [...container.querySelectorAll('.e2e-photo-mark')].map((m) => m.textContent);

it('marks the question’s own photo 审核中 and an answer photo 未通过审核, with alt text on each', () => {
  const { container } = render(<QuestionDetail q={aQuestionView({ photoMarks: { [PHOTO]: 'pending', [ANSWER_PHOTO]: 'risky' } })} />);
  expect(marks(container)).toEqual(['审核中', '未通过审核']);
  const images = [...container.querySelectorAll('img')];
  expect(images).toHaveLength(2);
  for (const img of images) expect(img.getAttribute('alt')).toBe('问政照片');
});

it('shows a passed question photo without any mark', () => {
  const { container } = render(<QuestionDetail q={aQuestionView()} />);
  expect(marks(container)).toEqual([]);
  expect(container.querySelectorAll('img')).toHaveLength(2);
});

function aPendingLog(overrides: Partial<ServiceLogView> = {}): ServiceLogView {
  return {
    id: 'log-1', kind: 'self_reported', kindLabel: '自主服务', status: 'pending', statusLabel: '待确认', memberOpenid: 'm', memberName: '李建国',
    communityId: 'c-donghu-hubin', communityName: '湖滨社区', activityId: null, correctsLogId: null, type: 'home_visit', typeLabel: '走访慰问',
    title: '走访独居老人', serviceDate: '2026-03-01', place: '湖滨社区 3 栋', beneficiaries: '独居老人张某', content: '上门了解生活困难', hours: 1,
    reason: null, evidence: [{ fileId: 'f-e1', url: PHOTO }, { fileId: 'f-e2', url: ANSWER_PHOTO }], photoMarks: { [PHOTO]: 'pending' },
    rating: null, personInCharge: '王主任', recorder: '本人', reviewedByName: null, rejectReason: null, createdAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

it('marks unchecked evidence 审核中 in the staff review queue, and only that photo', async () => {
  answerCalls(() => ({ data: { items: [aPendingLog()] } }));
  const { container } = render(<ServiceReview communityId="c-donghu-hubin" />);
  await waitFor(() => expect(container.querySelectorAll('img')).toHaveLength(2));
  expect(marks(container)).toEqual(['审核中']);
  for (const img of container.querySelectorAll('img')) expect(img.getAttribute('alt')).toBe('服务佐证照片');
});
