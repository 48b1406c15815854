import { fireEvent, render, waitFor } from '@testing-library/react';
import type { ActivityView } from '@/domain/activity.schema';
import { formatShanghaiMinute } from '@/domain/shanghai-time';
import { ActivityDetail } from '@/features/activities/activity-detail';
import { scanCode } from '@/lib/scan';
import { answerCalls } from '../platform';

/** The weapp build, where the scanner exists: a 现场扫码签到 activity offers the scan only, from the camera only. */
jest.mock('@/lib/scan', () => ({ canScanCode: true, scanCode: jest.fn(async () => ({ result: 'HDQD.act-1.100.abcdefghijklmnop' })) }));
jest.mock('@/lib/location', () => ({ readFenceLocation: jest.fn(async () => ({ latitude: 28.68, longitude: 115.89, accuracy: 20, coordSystem: 'wgs84' })) }));

const MIN = 60_000;
function openActivity(checkinMode: ActivityView['checkinMode']): ActivityView {
  const now = Date.now();
  return {
    id: 'act-1', communityId: 'c-donghu-hubin', communityName: '湖滨社区', title: '社区义诊', type: 'volunteer', typeLabel: '志愿服务',
    startAt: formatShanghaiMinute(new Date(now - 30 * MIN)), endAt: formatShanghaiMinute(new Date(now + 120 * MIN)),
    place: '湖滨社区广场', radius: 200, checkinMode, capacity: 20, signedUp: 1, contact: '', content: '', phase: 'checkin_open',
    mine: { activityId: 'act-1', memberOpenid: 'm', memberName: '李建国', workUnitName: '南昌市直机关工委', status: 'signed_up', signedUpAt: new Date(now - 200 * MIN).toISOString(), checkedInAt: null, checkedOutAt: null, checkedOutBy: null, hours: null, logId: null },
  };
}

it('offers only 扫码签到, scans from the camera only, and sends the code with the location', async () => {
  const sent = answerCalls(() => ({ data: {} }));
  const { container } = render(<ActivityDetail activity={openActivity('code')} onChanged={async () => undefined} />);
  expect(container.querySelector('.e2e-activity-checkin')).toBeNull();
  expect(container.querySelector('.e2e-activity-scan-only')).toBeNull();
  fireEvent.click(container.querySelector('.e2e-activity-scan-checkin') as HTMLElement);
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(scanCode).toHaveBeenCalledWith({ cameraOnly: true });
  expect(sent[0]).toMatchObject({ fn: 'checkin', action: 'checkIn', payload: { activityId: 'act-1', code: 'HDQD.act-1.100.abcdefghijklmnop', accuracy: 20 } });
});

it('offers both ways on a 定位签到 activity', () => {
  const { container } = render(<ActivityDetail activity={openActivity('location')} onChanged={async () => undefined} />);
  expect(container.querySelector('.e2e-activity-scan-checkin')).not.toBeNull();
  expect(container.querySelector('.e2e-activity-checkin')).not.toBeNull();
});
