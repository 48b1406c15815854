import { distanceMeters, gcj02ToWgs84, roundForPrivacy, wgs84ToGcj02 } from '../../../../src/domain/geo';

describe('distanceMeters', () => {
  it('measures 1° of latitude as about 111 km', () => {
    expect(distanceMeters({ latitude: 28, longitude: 115.9 }, { latitude: 29, longitude: 115.9 })).toBeCloseTo(111_195, -2);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { latitude: 28.6812, longitude: 115.9012 };
    const b = { latitude: 28.6822, longitude: 115.9032 };
    expect(distanceMeters(a, a)).toBe(0);
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 9);
  });
});

describe('WGS-84 ↔ GCJ-02', () => {
  it('offsets a point in 南昌 by a few hundred metres', () => {
    const wgs = { latitude: 28.6812, longitude: 115.9012 };
    const offset = distanceMeters(wgs, wgs84ToGcj02(wgs));
    expect(offset).toBeGreaterThan(200);
    expect(offset).toBeLessThan(800);
  });

  it('round-trips to within a metre', () => {
    const gcj = { latitude: 28.6812, longitude: 115.9012 };
    expect(distanceMeters(gcj, wgs84ToGcj02(gcj02ToWgs84(gcj)))).toBeLessThan(1);
  });

  it('leaves points outside China unchanged', () => {
    const london = { latitude: 51.5, longitude: -0.12 };
    expect(wgs84ToGcj02(london)).toEqual(london);
  });
});

describe('roundForPrivacy', () => {
  it('keeps about 100 m of precision', () => {
    const p = { latitude: 28.681234, longitude: 115.901987 };
    expect(roundForPrivacy(p)).toEqual({ latitude: 28.681, longitude: 115.902 });
    expect(distanceMeters(p, roundForPrivacy(p))).toBeLessThan(100);
  });
});
