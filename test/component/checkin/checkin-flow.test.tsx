import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CheckinFlow } from '@/features/checkin/checkin-flow';
import { aCheckinView, aCommunityView, aMe } from '../../fixtures/builders';
import { answerCalls, Taro, type SentCall } from '../platform';

/**
 * 到社区报到 after scanning 湖滨社区's code: who may report, the one location reading, and what the member sees when
 * the fence or the permission says no. On H5 the reading is WGS84; the server converts and judges it.
 */
beforeEach(() => jest.clearAllMocks());

const SCENE = 'c-donghu-hubin';
const HERE = { latitude: 28.6785, longitude: 115.8965, accuracy: 18 };

type Answers = Partial<Record<string, (call: SentCall) => { data: unknown } | { error: { code: string; message: string } }>>;

function platform(answers: Answers = {}) {
  const defaults: Answers = {
    'user.me': () => ({ data: aMe() }),
    'checkin.communityByScene': () => ({ data: aCommunityView() }),
    'checkin.myCheckin': () => ({ data: { checkin: null } }),
    'checkin.report': () => ({ data: aCheckinView() }),
  };
  return answerCalls((call) => {
    const answer = answers[`${call.fn}.${call.action}`] ?? defaults[`${call.fn}.${call.action}`];
    if (!answer) throw new Error(`unexpected call ${call.fn}.${call.action}`);
    return answer(call);
  });
}

const reportButton = () => screen.queryByRole('button', { name: /并报到$/ });

it('someone not yet registered is led to register first, and cannot report', async () => {
  platform({ 'user.me': () => ({ data: aMe({ profile: null, roles: ['resident'] }) }) });
  render(<CheckinFlow scene={SCENE} />);
  const register = await screen.findByRole('button', { name: '登记为在职党员' });
  expect(reportButton()).toBeNull();
  fireEvent.click(register);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining('member-register') });
});

it('a member reads the location once and reports with it; the pending 报到 replaces the button', async () => {
  const sent = platform();
  Taro.getLocation.mockResolvedValue(HERE as never);
  render(<CheckinFlow scene={SCENE} />);
  expect(await screen.findByText('报到范围：社区中心 500 米内')).not.toBeNull();
  fireEvent.click(reportButton() as HTMLElement);
  expect(await screen.findByText('待社区确认')).not.toBeNull();
  expect(Taro.getLocation).toHaveBeenCalledTimes(1);
  expect(sent.filter((c) => c.action === 'report')).toEqual([
    { fn: 'checkin', action: 'report', payload: { communityId: SCENE, latitude: HERE.latitude, longitude: HERE.longitude, accuracy: HERE.accuracy, coordSystem: 'wgs84' } },
  ]);
  expect(reportButton()).toBeNull();
});

it('outside the fence: the reason is shown and the button offers to locate again', async () => {
  const refusal = '您距离湖滨社区约 2.0 公里，超出报到范围（500 米）';
  platform({ 'checkin.report': () => ({ error: { code: 'FAILED_PRECONDITION', message: refusal } }) });
  Taro.getLocation.mockResolvedValue(HERE as never);
  render(<CheckinFlow scene={SCENE} />);
  fireEvent.click((await screen.findByRole('button', { name: '获取位置并报到' })) as HTMLElement);
  expect(await screen.findByText(refusal)).not.toBeNull();
  expect(screen.queryByText('未能报到')).not.toBeNull();
  expect(screen.queryByRole('button', { name: '重新定位并报到' })).not.toBeNull();
});

it('location refused: says how to allow it, and nothing is sent', async () => {
  const sent = platform();
  Taro.getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' } as never);
  render(<CheckinFlow scene={SCENE} />);
  fireEvent.click((await screen.findByRole('button', { name: '获取位置并报到' })) as HTMLElement);
  await waitFor(() => expect(screen.queryByText(/未获得定位权限/)).not.toBeNull());
  expect(sent.map((c) => c.action)).not.toContain('report');
});

it('already reported here and waiting: shows the 报到, no second report', async () => {
  platform({ 'checkin.myCheckin': () => ({ data: { checkin: aCheckinView({ standing: 'pending' }) } }) });
  render(<CheckinFlow scene={SCENE} />);
  expect(await screen.findByText('待社区确认')).not.toBeNull();
  expect(reportButton()).toBeNull();
});

it('a 报到 that was turned down can be made again', async () => {
  platform({ 'checkin.myCheckin': () => ({ data: { checkin: aCheckinView({ status: 'rejected', standing: 'rejected', rejectReason: '不在本社区居住' }) } }) });
  render(<CheckinFlow scene={SCENE} />);
  expect(await screen.findByText('退回原因：不在本社区居住')).not.toBeNull();
  expect(reportButton()).not.toBeNull();
});

it('without a scanned code and no 报到 yet, asks to scan the community code', async () => {
  platform();
  render(<CheckinFlow scene="" />);
  expect(await screen.findByText('请扫描居住地社区张贴的报到码。')).not.toBeNull();
  expect(reportButton()).toBeNull();
});
