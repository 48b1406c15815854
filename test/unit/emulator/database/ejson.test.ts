import { Long } from 'bson';
import { decodeEJSON, encodeEJSON } from '../../../../emulator/database/ejson';

const now = new Date('2025-01-01T00:00:00Z');
const decode = (text: string) => decodeEJSON(text, 'query', now);

describe('EJSON from the SDK', () => {
  it('decodes the canonical wrappers into plain values', () => {
    expect(
      decode(
        '{"i":{"$numberInt":"5"},"d":{"$numberDouble":"2.5"},"z":{"$numberDouble":"-0.0"},"l":{"$numberLong":"42"},"t":{"$date":{"$numberLong":"1000"}},"a":[{"$numberInt":"1"}]}',
      ),
    ).toEqual({ i: 5, d: 2.5, z: -0, l: 42, t: new Date(1000), a: [1] });
  });

  it('keeps a long that a double cannot hold exactly', () => {
    const { l } = decode('{"l":{"$numberLong":"9007199254740993"}}') as { l: Long };
    expect(l).toBeInstanceOf(Long);
    expect(encodeEJSON({ l })).toBe('{"l":{"$numberLong":"9007199254740993"}}');
  });

  it('turns BSON regexes into RegExp and server dates into the clock plus offset', () => {
    expect(decode('{"r":{"$regularExpression":{"pattern":"^a","options":"i"}}}')).toEqual({ r: /^a/i });
    expect(decode('{"s":{"$tcb_server_date":{"offset":{"$numberInt":"-1000"}}}}')).toEqual({ s: new Date(now.getTime() - 1000) });
  });

  it('leaves operators alone and hands other BSON types to bson', () => {
    expect(decode('{"$set":{"a.b":{"$numberInt":"1"}}}')).toEqual({ $set: { 'a.b': 1 } });
    const { id } = decode('{"id":{"$oid":"65a1b2c3d4e5f60718293a4b"}}') as { id: { toHexString(): string } };
    expect(id.toHexString()).toBe('65a1b2c3d4e5f60718293a4b');
  });

  it('refuses malformed input with INVALID_PARAM naming the field', () => {
    for (const bad of ['{"a":', '{"a":{"$numberInt":"x"}}', '{"a":{"$date":"not a date"}}', '{"__proto__":{"x":1}}']) {
      expect(() => decode(bad)).toThrow(expect.objectContaining({ code: 'INVALID_PARAM', message: expect.stringContaining('query') }));
    }
    expect(() => decodeEJSON(5, 'data', now)).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
  });

  it('encodes back canonically, so ints, doubles and dates keep their types', () => {
    expect(encodeEJSON({ i: 3, d: 3.5, t: new Date(7) })).toBe('{"i":{"$numberInt":"3"},"d":{"$numberDouble":"3.5"},"t":{"$date":{"$numberLong":"7"}}}');
  });
});
