import { sceneFromParams, sceneFromScan } from '@/features/checkin/scene';
import { timeRange } from '@/features/activities/activity-labels';

describe('the community code’s scene', () => {
  it('is decoded from the page parameters (WeChat passes it URL-encoded)', () => {
    expect(sceneFromParams({ scene: 'c-donghu-hubin' })).toBe('c-donghu-hubin');
    expect(sceneFromParams({ scene: encodeURIComponent('c%x') })).toBe('c%x');
    expect(sceneFromParams({})).toBe('');
  });

  it('is read from a scanned mini-program code path or an H5 address', () => {
    expect(sceneFromScan({ path: 'pages/checkin/index?scene=c-donghu-hubin' })).toBe('c-donghu-hubin');
    expect(sceneFromScan({ result: 'http://127.0.0.1:3000/#/pages/checkin/index?scene=c-xihu-chaoyang' })).toBe('c-xihu-chaoyang');
    expect(sceneFromScan({ result: 'https://example.com/' })).toBe('');
  });
});

describe('activity time range', () => {
  it('shows one date for a same-day activity and both across midnight', () => {
    expect(timeRange({ startAt: '2025-06-01 09:00', endAt: '2025-06-01 11:00' })).toBe('2025-06-01 09:00–11:00');
    expect(timeRange({ startAt: '2025-06-01 22:00', endAt: '2025-06-02 01:00' })).toBe('2025-06-01 22:00 – 2025-06-02 01:00');
  });
});
