import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MemberRegisterPage from '@/pages/member-register/index';
import { CHECKIN_URL } from '@/routes';
import { aMe } from '../../fixtures/builders';
import { answerCalls, Taro } from '../platform';

/** 登记成功 on a form that was reloaded or opened directly (no page under it) leads on to 报到, not nowhere. */
jest.mock('@/features/profile/member-form', () => ({
  MemberForm: ({ onSaved }: { onSaved: (p: unknown) => void }) => (
    <button type="button" onClick={() => onSaved({})}>
      提交登记
    </button>
  ),
}));

beforeEach(() => jest.clearAllMocks());

it('goes on to 报到 after a first registration on a directly opened form', async () => {
  answerCalls(({ action }) => (action === 'me' ? { data: aMe({ profile: null }) } : { data: { items: [] } }));
  Taro.getCurrentPages.mockReturnValue([{ route: 'pages/member-register/index' }] as never);
  render(<MemberRegisterPage />);
  fireEvent.click(await screen.findByText('提交登记'));
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: CHECKIN_URL }), { timeout: 2000 });
  expect(Taro.navigateBack).not.toHaveBeenCalled();
});

it('returns to the 报到 page it came from', async () => {
  answerCalls(({ action }) => (action === 'me' ? { data: aMe({ profile: null }) } : { data: { items: [] } }));
  Taro.getCurrentPages.mockReturnValue([{ route: 'pages/checkin/index' }, { route: 'pages/member-register/index' }] as never);
  render(<MemberRegisterPage />);
  fireEvent.click(await screen.findByText('提交登记'));
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled(), { timeout: 2000 });
  expect(Taro.redirectTo).not.toHaveBeenCalled();
});
