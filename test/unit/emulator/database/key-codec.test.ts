import fc from 'fast-check';
import { encodeKey, encodeKeyPart, prefixSuccessor } from '../../../../emulator/database/key-codec';

const compare = (a: unknown, b: unknown) => Buffer.compare(encodeKeyPart(a), encodeKeyPart(b));

describe('index keys sort like MongoDB', () => {
  it('orders numbers, including negatives, fractions and infinities', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        expect(Math.sign(compare(a, b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('treats 0 and -0, and int and double of one value, as one key', () => {
    expect(compare(0, -0)).toBe(0);
    expect(compare(3, 3.0)).toBe(0);
  });

  it('orders strings by code point and dates by time', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(Math.sign(compare(a, b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.date({ noInvalidDate: true }), (a, b) => {
        expect(Math.sign(compare(a, b))).toBe(Math.sign(a.getTime() - b.getTime()));
      }),
    );
  });

  it('orders types as MongoDB does: null < numbers < strings < objects < arrays < booleans < dates', () => {
    const ordered = [null, -5, 1e9, '', 'z', { a: 1 }, [1, 2], false, true, new Date(0)];
    const sorted = [...ordered].sort(compare);
    expect(sorted).toEqual(ordered);
    expect(compare(null, undefined)).toBe(0);
  });

  it('keeps compound keys under the range of their prefix', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.double({ noNaN: true })), fc.string(), (a, b, c) => {
        const prefix = encodeKey([a]);
        const key = encodeKey([a, b]);
        expect(Buffer.compare(key, prefix)).toBeGreaterThanOrEqual(0);
        expect(Buffer.compare(key, prefixSuccessor(prefix)!)).toBeLessThan(0);
        if (a !== c) expect(Math.sign(Buffer.compare(key, encodeKey([c, b])))).toBe(a < c ? -1 : 1);
      }),
    );
  });
});
