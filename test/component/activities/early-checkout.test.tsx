import { fireEvent, render, waitFor } from '@testing-library/react';
import type { ActivityView } from '@/domain/activity.schema';
import { formatShanghaiMinute } from '@/domain/shanghai-time';
import { ActivityDetail } from '@/features/activities/activity-detail';
import { answerCalls, Taro } from '../platform';

/** 签退 before the activity ends: one tap used to record it (0 h after a quick check-in); now it asks and says the hours. */
beforeEach(() => jest.clearAllMocks());

const MIN = 60_000;
function runningActivity(checkedInMinutesAgo: number): ActivityView {
  const now = Date.now();
  return {
    id: 'act-1', communityId: 'c-donghu-hubin', communityName: '湖滨社区', title: '社区义诊', type: 'volunteer', typeLabel: '志愿服务',
    startAt: formatShanghaiMinute(new Date(now - 120 * MIN)), endAt: formatShanghaiMinute(new Date(now + 120 * MIN)),
    place: '湖滨社区广场', radius: 200, checkinMode: 'location', capacity: 20, signedUp: 1, contact: '', content: '', phase: 'checkin_open',
    mine: { activityId: 'act-1', memberOpenid: 'm', memberName: '李建国', workUnitName: '南昌市直机关工委', status: 'checked_in', signedUpAt: new Date(now - 200 * MIN).toISOString(), checkedInAt: new Date(now - checkedInMinutesAgo * MIN).toISOString(), checkedOutAt: null, checkedOutBy: null, hours: null, logId: null },
  };
}

it('asks first, saying 0 h would count and how to 补录, and sends nothing when the member thinks again', async () => {
  const sent = answerCalls(() => ({ data: {} }));
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true } as never);
  const { container } = render(<ActivityDetail activity={runningActivity(10)} onChanged={async () => undefined} />);
  fireEvent.click(container.querySelector('.e2e-activity-checkout') as HTMLElement);
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  const [{ title, content }] = Taro.showModal.mock.calls[0] as unknown as [{ title: string; content: string }];
  expect(title).toBe('提前签退？');
  expect(content).toContain('记 0 小时');
  expect(content).toContain('补录');
  expect(sent).toEqual([]);
});

it('says how many hours would count after a longer stay', async () => {
  answerCalls(() => ({ data: {} }));
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true } as never);
  const { container } = render(<ActivityDetail activity={runningActivity(100)} onChanged={async () => undefined} />);
  fireEvent.click(container.querySelector('.e2e-activity-checkout') as HTMLElement);
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect((Taro.showModal.mock.calls[0] as unknown as [{ content: string }])[0].content).toContain('记 1.5 小时');
});

describe('an activity whose staff chose 现场扫码签到', () => {
  function scanOnly(): ActivityView {
    const base = runningActivity(0);
    return { ...base, checkinMode: 'code', mine: base.mine && { ...base.mine, status: 'signed_up', checkedInAt: null } };
  }

  it('offers no 定位签到 and, on H5 where scanning is unavailable, says to scan in the mini program', () => {
    const { container } = render(<ActivityDetail activity={scanOnly()} onChanged={async () => undefined} />);
    expect(container.querySelector('.e2e-activity-checkin')).toBeNull();
    expect(container.querySelector('.e2e-activity-scan-only')?.textContent).toContain('请在微信小程序中扫码签到');
    expect(container.querySelector('.e2e-activity-checkin-mode')?.textContent).toBe('现场扫码签到（定位+签到码）');
  });

  it('still offers 定位签到 on a 定位签到 activity', () => {
    const activity = scanOnly();
    const { container } = render(<ActivityDetail activity={{ ...activity, checkinMode: 'location' }} onChanged={async () => undefined} />);
    expect(container.querySelector('.e2e-activity-checkin')).not.toBeNull();
    expect(container.querySelector('.e2e-activity-scan-only')).toBeNull();
  });
});
