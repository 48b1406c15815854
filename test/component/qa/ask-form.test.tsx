import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AskForm } from '@/features/qa/ask-form';
import { QA_CATEGORIES } from '@/domain/question.schema';
import { answerCalls, toasts } from '../platform';

/** 我要提问: each message under the field it is about, from the shared schema first and then from the server. */
beforeEach(() => jest.clearAllMocks());

function renderForm() {
  const onAsked = jest.fn();
  const view = render(<AskForm communityName="湖滨社区" onAsked={onAsked} />);
  const input = (field: string) => view.container.querySelector(`.e2e-input-${field} input, .e2e-input-${field} textarea`) as HTMLInputElement;
  const errorUnder = (field: string) => view.container.querySelector(`.e2e-field-${field} .e2e-error-${field}`)?.textContent ?? null;
  const type = (field: string, value: string) => fireEvent.change(input(field), { target: { value } });
  const chooseCategory = (index: number) => {
    fireEvent.click(view.container.querySelector('.e2e-qa-category-picker') as HTMLElement);
    fireEvent.click(view.container.querySelector(`.e2e-qa-category-option-${index}`) as HTMLElement);
  };
  const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交问题' }));
  return { ...view, onAsked, input, errorUnder, type, chooseCategory, submit };
}

it('says whom the question goes to', () => {
  renderForm();
  expect(screen.queryByText('湖滨社区党组织')).not.toBeNull();
});

it('an empty form shows what is missing under each field and sends nothing', () => {
  const sent = answerCalls(() => ({ data: null }));
  const form = renderForm();
  form.submit();
  expect(form.errorUnder('category')).toBe('请从列表中选择问题类别');
  expect(form.errorUnder('title')).toBeTruthy();
  expect(form.errorUnder('content')).toBeTruthy();
  expect(form.errorUnder('askerName')).toBeNull();
  expect(sent).toEqual([]);
});

it('typing into a field clears its message', () => {
  const form = renderForm();
  form.submit();
  expect(form.errorUnder('title')).toBeTruthy();
  form.type('title', '小区路灯不亮');
  expect(form.errorUnder('title')).toBeNull();
  expect(form.errorUnder('content')).toBeTruthy();
});

it('the category list shows each category’s answer time', () => {
  const form = renderForm();
  fireEvent.click(form.container.querySelector('.e2e-qa-category-picker') as HTMLElement);
  const first = QA_CATEGORIES[0];
  expect(screen.queryByText(`${first.name}（${first.answerDays} 个工作日内答复）`)).not.toBeNull();
});

it('a complete question is sent once, with a request id, and handed to the page', async () => {
  const asked = { id: 'q-1', title: '小区路灯不亮' };
  const sent = answerCalls(() => ({ data: asked }));
  const form = renderForm();
  form.chooseCategory(2);
  form.type('title', '小区路灯不亮');
  form.type('content', '3 栋门口的路灯坏了一周，晚上出行不安全。');
  form.type('askerName', '张三');
  form.submit();
  await waitFor(() => expect(form.onAsked).toHaveBeenCalledWith(asked));
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({
    fn: 'qa',
    action: 'ask',
    payload: { title: '小区路灯不亮', content: '3 栋门口的路灯坏了一周，晚上出行不安全。', category: QA_CATEGORIES[2].name, askerName: '张三', isPublic: true, photos: [] },
  });
  expect(sent[0].payload.requestId).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/));
});

it('a field the server refuses shows its message under that field', async () => {
  answerCalls(() => ({ error: { code: 'INVALID_ARGUMENT', message: '标题含有不适宜公开的内容', details: { issues: [{ field: 'title', message: '标题含有不适宜公开的内容' }] } } }));
  const form = renderForm();
  form.chooseCategory(0);
  form.type('title', '小区路灯不亮');
  form.type('content', '3 栋门口的路灯坏了一周，晚上出行不安全。');
  form.submit();
  await waitFor(() => expect(form.errorUnder('title')).toBe('标题含有不适宜公开的内容'));
  expect(form.onAsked).not.toHaveBeenCalled();
  expect(toasts().length).toBeGreaterThan(0);
});

it('says a content-check refusal beside the fields it was about, and keeps what was typed', async () => {
  const message = '内容含有不当信息，请修改后再提交';
  answerCalls(() => ({ error: { code: 'CONTENT_REJECTED', message, details: { issues: [{ field: 'title', message }, { field: 'content', message }] } } }));
  const form = renderForm();
  form.chooseCategory(0);
  form.type('title', '小区路灯不亮');
  form.type('content', '3 栋门口的路灯坏了一周，晚上出行不安全。');
  form.submit();
  await waitFor(() => expect(form.errorUnder('content')).toBe(message));
  expect(form.errorUnder('title')).toBe(message);
  expect(form.input('content').value).toBe('3 栋门口的路灯坏了一周，晚上出行不安全。');
  expect(form.onAsked).not.toHaveBeenCalled();
});
