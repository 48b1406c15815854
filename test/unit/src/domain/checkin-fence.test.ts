import { evaluateFence, formatDistance } from '../../../../src/domain/checkin-fence';
import { gcj02ToWgs84 } from '../../../../src/domain/geo';

const HUBIN = { latitude: 28.6812, longitude: 115.9012, radius: 500, name: '湖滨社区', purpose: '报到' as const };
/** A GCJ-02 point `meters` north of the community's point (1° latitude ≈ 111 195 m). */
const north = (meters: number) => ({ latitude: HUBIN.latitude + meters / 111_195, longitude: HUBIN.longitude });

describe('the fence', () => {
  it('lets a gcj02 reading 120 m away in', () => {
    expect(evaluateFence({ ...north(120), accuracy: 30, coordSystem: 'gcj02' }, HUBIN)).toEqual({ inside: true, distance: 120 });
  });

  it('converts a browser (wgs84) reading before measuring, so the same place is the same distance', () => {
    const verdict = evaluateFence({ ...gcj02ToWgs84(north(120)), accuracy: 30, coordSystem: 'wgs84' }, HUBIN);
    expect(verdict).toEqual({ inside: true, distance: 120 });
  });

  it('is inside exactly at the radius and outside a metre beyond', () => {
    expect(evaluateFence({ ...north(500), accuracy: 10, coordSystem: 'gcj02' }, HUBIN).inside).toBe(true);
    expect(evaluateFence({ ...north(501.5), accuracy: 10, coordSystem: 'gcj02' }, HUBIN).inside).toBe(false);
  });

  it('refuses a reading 2 km away, saying how far', () => {
    const verdict = evaluateFence({ ...north(2000), accuracy: 20, coordSystem: 'gcj02' }, HUBIN);
    expect(verdict).toMatchObject({ inside: false, reason: 'too_far', distance: 2000 });
    expect(verdict.inside === false && verdict.message).toBe('您距离湖滨社区约 2.0 公里，超出报到范围（500 米）');
  });

  it('refuses a reading less precise than the radius, asking to retry outdoors, even when the point is inside', () => {
    const verdict = evaluateFence({ ...north(50), accuracy: 800, coordSystem: 'gcj02' }, HUBIN);
    expect(verdict).toMatchObject({ inside: false, reason: 'poor_accuracy' });
    expect(verdict.inside === false && verdict.message).toContain('请到室外开阔处重新定位后再试');
  });

  it('accepts accuracy equal to the radius', () => {
    expect(evaluateFence({ ...north(50), accuracy: 500, coordSystem: 'gcj02' }, HUBIN).inside).toBe(true);
  });
});

describe('formatDistance', () => {
  it.each([
    [120.4, '约 120 米'],
    [999, '约 999 米'],
    [1000, '约 1.0 公里'],
    [2049, '约 2.0 公里'],
    [12_345, '约 12.3 公里'],
  ])('%p m → %s', (meters, text) => expect(formatDistance(meters)).toBe(text));
});
