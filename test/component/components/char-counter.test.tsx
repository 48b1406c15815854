import { fireEvent, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ActivityForm } from '@/features/activities/activity-form';
import { NoticeForm } from '@/features/notices/notice-form';
import { AskForm } from '@/features/qa/ask-form';
import { SelfReportForm } from '@/features/records/service-form';
import { WishPostForm } from '@/features/wishes/wish-post-form';
import { activityFormSchema } from '@/domain/activity.schema';
import { noticeContent } from '@/domain/notice.schema';
import { askInput } from '@/domain/question.schema';
import { serviceLogActions } from '@/domain/service-log.schema';
import { maxLengthOf } from '@/domain/validation';
import { postWishInput } from '@/domain/wish.schema';
import { aMe } from '../../fixtures/builders';
import { answerCalls } from '../platform';

/**
 * Issue 14 bug 7: titles were cut at their limit without a word. Every limited text field shows 「已输入 n/limit 字」
 * with the limit its schema declares (the number the server checks), and warns near the limit.
 */
beforeEach(() => {
  jest.clearAllMocks();
  answerCalls(() => ({ data: { items: [] } }));
});

const noop = () => undefined;
const FORMS: [string, () => ReactElement, Record<string, number>][] = [
  ['心愿', () => <WishPostForm me={aMe()} onPosted={noop} />, { title: maxLengthOf(postWishInput.shape.title), story: maxLengthOf(postWishInput.shape.story), beneficiaryName: maxLengthOf(postWishInput.shape.beneficiaryName) }],
  ['提问', () => <AskForm communityName="湖滨社区" onAsked={noop} />, { title: maxLengthOf(askInput.shape.title), content: maxLengthOf(askInput.shape.content), askerName: maxLengthOf(askInput.shape.askerName) }],
  ['公告', () => <NoticeForm communityId="c-donghu-hubin" editing={null} onSaved={noop} />, { title: maxLengthOf(noticeContent.shape.title), body: maxLengthOf(noticeContent.shape.body) }],
  ['活动', () => <ActivityForm communityId="c-donghu-hubin" onDone={noop} />, { title: maxLengthOf(activityFormSchema.shape.title), place: maxLengthOf(activityFormSchema.shape.place), content: maxLengthOf(activityFormSchema.shape.content) }],
  ['服务记录', () => <SelfReportForm communityId="c-donghu-hubin" onDone={noop} />, { title: maxLengthOf(serviceLogActions.reportService.shape.title), content: maxLengthOf(serviceLogActions.reportService.shape.content), visited: maxLengthOf(serviceLogActions.reportService.shape.visited), heard: maxLengthOf(serviceLogActions.reportService.shape.heard), solved: maxLengthOf(serviceLogActions.reportService.shape.solved) }],
];

const counterOf = (container: HTMLElement, field: string) => container.querySelector(`.e2e-field-${field} .e2e-char-count`);
const inputOf = (container: HTMLElement, field: string) => container.querySelector(`.e2e-input-${field} input, .e2e-input-${field} textarea`) as HTMLInputElement;

it.each(FORMS)('the %s form counts every limited field against its schema limit', (_name, form, limits) => {
  const { container } = render(form());
  for (const [field, limit] of Object.entries(limits)) {
    // Some fields start filled in (the poster's own name as 心愿人).
    const typed = inputOf(container, field).value.length;
    expect([field, counterOf(container, field)?.textContent]).toEqual([field, `已输入 ${typed}/${limit} 字`]);
  }
});

it('the notice title counts as one types, warns near the limit and says when it is full, keeping no extra text', () => {
  const limit = maxLengthOf(noticeContent.shape.title);
  const { container } = render(<NoticeForm communityId="c-donghu-hubin" editing={null} onSaved={noop} />);
  fireEvent.change(inputOf(container, 'title'), { target: { value: '社区通知' } });
  expect(counterOf(container, 'title')?.textContent).toBe(`已输入 4/${limit} 字`);
  expect(counterOf(container, 'title')?.className).toContain('char-count--ok');

  fireEvent.change(inputOf(container, 'title'), { target: { value: '字'.repeat(limit - 2) } });
  expect(counterOf(container, 'title')?.className).toContain('char-count--near');

  fireEvent.change(inputOf(container, 'title'), { target: { value: '字'.repeat(limit + 5) } });
  expect(inputOf(container, 'title').value).toHaveLength(limit);
  expect(counterOf(container, 'title')?.textContent).toBe(`已输入 ${limit}/${limit} 字，已达上限`);
  expect(counterOf(container, 'title')?.className).toContain('char-count--full');
});
