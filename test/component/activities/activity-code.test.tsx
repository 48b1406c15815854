import { act, render, waitFor } from '@testing-library/react';
import { ActivityCode } from '@/features/activities/activity-code';
import { answerCalls } from '../platform';

/** The staff screen at the venue: it keeps the QR live by fetching the next code when the server says to. */
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('shows the code as a QR and replaces it before it expires, without a tap', async () => {
  let window = 100;
  const sent = answerCalls(() => {
    window += 1;
    return { data: { activityId: 'act-1', title: '社区义诊', code: `HDQD.act-1.${window}.sig`, image: `data:image/png;base64,QR${window}`, window, expiresAt: new Date().toISOString(), refreshInMs: 27_000 } };
  });
  const { container } = render(<ActivityCode activityId="act-1" />);
  await waitFor(() => expect(container.querySelector('.e2e-activity-code-image')?.getAttribute('src')).toBe('data:image/png;base64,QR101'));
  expect(sent).toEqual([{ fn: 'checkin', action: 'activityCode', payload: { activityId: 'act-1' } }]);

  await act(async () => {
    jest.advanceTimersByTime(27_000);
  });
  await waitFor(() => expect(container.querySelector('.e2e-activity-code-image')?.getAttribute('src')).toBe('data:image/png;base64,QR102'));
  expect(sent).toHaveLength(2);
});

it('says why when the code cannot be shown (not staff of the community)', async () => {
  answerCalls(() => ({ error: { code: 'FORBIDDEN', message: '只有本社区的工作人员可以操作' } }));
  const { container } = render(<ActivityCode activityId="act-1" />);
  await waitFor(() => expect(container.querySelector('.e2e-error-message')?.textContent).toBe('只有本社区的工作人员可以操作'));
});
