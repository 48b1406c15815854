import { valuesAtPath } from '../../../../emulator/database/field-path';

describe('values at a path, as a multikey index sees them', () => {
  it('reads plain and nested fields, missing ones as undefined', () => {
    expect(valuesAtPath({ a: { b: 1 } }, 'a.b')).toEqual([1]);
    expect(valuesAtPath({ a: 1 }, 'a.b')).toEqual([undefined]);
    expect(valuesAtPath({}, 'x')).toEqual([undefined]);
  });

  it('spreads arrays along and at the end of the path', () => {
    expect(valuesAtPath({ tags: ['x', 'y'] }, 'tags')).toEqual(['x', 'y']);
    expect(valuesAtPath({ a: [{ b: 1 }, { b: 2 }, { c: 3 }] }, 'a.b')).toEqual([1, 2, undefined]);
    expect(valuesAtPath({ a: [{ b: [1, 2] }] }, 'a.b')).toEqual([1, 2]);
    expect(valuesAtPath({ tags: [] }, 'tags')).toEqual([[]]);
  });

  it('follows a numeric part as an array position', () => {
    expect(valuesAtPath({ a: ['x', 'y'] }, 'a.1')).toEqual(['y']);
  });
});
