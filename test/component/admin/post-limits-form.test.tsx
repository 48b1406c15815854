import { fireEvent, render, waitFor } from '@testing-library/react';
import { DEFAULT_DAILY_POST_LIMITS, type PostLimitsView } from '@/domain/post-limits';
import { PostLimitsForm } from '@/features/admin/post-limits-form';
import { answerCalls, Taro } from '../platform';

/** 发布上限: the admin picks each limit from a list (no typing), confirms, and sees the server's reason under a field. */
beforeEach(() => jest.clearAllMocks());

const view: PostLimitsView = { limits: DEFAULT_DAILY_POST_LIMITS, defaults: DEFAULT_DAILY_POST_LIMITS, updatedAt: null };

it('saves the picked limits after confirming', async () => {
  const sent = answerCalls(({ payload }) => ({ data: { ...view, limits: payload, updatedAt: '2026-03-02T01:00:00.000Z' } }));
  Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false } as never);
  const onSaved = jest.fn();
  const { container } = render(<PostLimitsForm view={view} onSaved={onSaved} />);
  expect(container.querySelector('input')).toBeNull();
  fireEvent.click(container.querySelector('.e2e-limit-wish-picker') as HTMLElement);
  fireEvent.click(container.querySelector('.e2e-limit-wish-option-20') as HTMLElement);
  fireEvent.click(container.querySelector('.e2e-save-post-limits') as HTMLElement);
  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(sent).toEqual([{ fn: 'user', action: 'setPostLimits', payload: { ...DEFAULT_DAILY_POST_LIMITS, wish: 20 } }]);
});

it('sends nothing when the admin thinks again, and shows a refused field under it', async () => {
  const sent = answerCalls(() => ({ error: { code: 'INVALID_ARGUMENT', message: '参数不正确', details: { issues: [{ field: 'upload', message: '照片的每日上限不能超过 5000' }] } } }));
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true } as never);
  const { container } = render(<PostLimitsForm view={view} onSaved={jest.fn()} />);
  fireEvent.click(container.querySelector('.e2e-save-post-limits') as HTMLElement);
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  expect(sent).toEqual([]);

  Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false } as never);
  fireEvent.click(container.querySelector('.e2e-save-post-limits') as HTMLElement);
  await waitFor(() => expect(container.textContent).toContain('照片的每日上限不能超过 5000'));
});
