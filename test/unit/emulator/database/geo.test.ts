import { EARTH_RADIUS_METRES, geoQueryOperators, haversineMetres } from '../../../../emulator/database/geo';

describe('geo', () => {
  it('measures great-circle distances in metres', () => {
    expect(haversineMetres([115, 28], [115, 29])).toBeCloseTo((EARTH_RADIUS_METRES * Math.PI) / 180, 3);
    expect(haversineMetres([115.89, 28.68], [115.89, 28.68])).toBe(0);
  });

  it('tests points against a polygon with a hole', () => {
    const square = (x0: number, y0: number, x1: number, y1: number) => [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ];
    const within = geoQueryOperators.$geoWithin('p', { $geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] } });
    const at = (x: number, y: number) => within({ p: { type: 'Point', coordinates: [x, y] } });
    expect([at(1, 1), at(5, 5), at(11, 5), at(9, 9)]).toEqual([true, false, false, true]);
  });

  it('refuses operands it cannot evaluate with DATABASE_REQUEST_INVALID', () => {
    expect(() => geoQueryOperators.$geoWithin('p', { $box: [] })).toThrow(expect.objectContaining({ code: 'DATABASE_REQUEST_INVALID' }));
    expect(() => geoQueryOperators.$nearSphere('p', [1, 2])).toThrow(expect.objectContaining({ code: 'DATABASE_REQUEST_INVALID' }));
  });
});
