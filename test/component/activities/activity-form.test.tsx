import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ActivityForm } from '@/features/activities/activity-form';
import { answerCalls } from '../platform';

/** 发布活动: staff choose 签到方式 from a list; 现场扫码签到 is sent as `code`, and the default stays 定位签到. */
beforeEach(() => jest.clearAllMocks());

function renderForm() {
  const onDone = jest.fn();
  const view = render(<ActivityForm communityId="c-donghu-hubin" onDone={onDone} />);
  const type = (field: string, value: string) =>
    fireEvent.change(view.container.querySelector(`.e2e-input-${field} input, .e2e-input-${field} textarea`) as HTMLInputElement, { target: { value } });
  type('title', '社区义诊');
  type('startAt', '2030-06-01 09:00');
  type('endAt', '2030-06-01 12:00');
  const submit = () => fireEvent.click(screen.getByRole('button', { name: '发布活动' }));
  return { ...view, onDone, submit };
}

it('shows 定位签到 by default and sends it when staff leave it', async () => {
  const sent = answerCalls(() => ({ data: {} }));
  const form = renderForm();
  expect(form.container.querySelector('.e2e-checkin-mode-picker')?.textContent).toContain('定位签到');
  form.submit();
  await waitFor(() => expect(form.onDone).toHaveBeenCalled());
  expect(sent).toHaveLength(1);
  expect(sent[0].payload).toMatchObject({ title: '社区义诊', checkinMode: 'location' });
});

it('sends 现场扫码签到 as code when staff pick it from the list', async () => {
  const sent = answerCalls(() => ({ data: {} }));
  const form = renderForm();
  fireEvent.click(form.container.querySelector('.e2e-checkin-mode-picker') as HTMLElement);
  fireEvent.click(form.container.querySelector('.e2e-checkin-mode-option-code') as HTMLElement);
  expect(form.container.querySelector('.e2e-checkin-mode-picker')?.textContent).toContain('现场扫码签到（定位+签到码）');
  form.submit();
  await waitFor(() => expect(form.onDone).toHaveBeenCalled());
  expect(sent[0].payload).toMatchObject({ checkinMode: 'code' });
});

it('shows a refused 签到方式 under its field', async () => {
  answerCalls(() => ({ error: { code: 'INVALID_ARGUMENT', message: '参数不正确', details: { issues: [{ field: 'checkinMode', message: '请从列表中选择签到方式' }] } } }));
  const form = renderForm();
  form.submit();
  await waitFor(() => expect(form.container.querySelector('.e2e-field-checkinMode')?.textContent).toContain('请从列表中选择签到方式'));
});
