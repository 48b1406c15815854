import type { IndexDef } from '../../../../emulator/database/indexes';
import { encodeKeyPart } from '../../../../emulator/database/key-codec';
import { pinnedIds, planQuery } from '../../../../emulator/database/query-planner';

const indexes: IndexDef[] = [
  { name: 'status', fields: ['status'], unique: false },
  { name: 'openid', fields: ['openid'], unique: true },
  { name: 'community_time', fields: ['communityId', 'createdAt'], unique: false },
  { name: 'where', fields: ['location', 'kind'], unique: false, geoField: 'location' },
];
const notMultikey = () => false;
const plan = (filter: Record<string, unknown>, sort?: Record<string, 1 | -1>) => planQuery(filter, sort, indexes, notMultikey);

describe('query planner', () => {
  it('uses _id first, then a unique index, then equality', () => {
    expect(plan({ _id: 'x', status: 'open' }).access.kind).toBe('id');
    expect(plan({ openid: 'o', status: 'open' }).access).toMatchObject({ kind: 'index', index: 'openid' });
    expect(plan({ status: 'open', other: 1 }).access).toMatchObject({ kind: 'index', index: 'status' });
  });

  it('turns $in into one range per value and a range into type-bracketed bounds', () => {
    const inList = plan({ status: { $in: ['b', 'a', 'b'] } }).access as { ranges: { lo: Buffer }[] };
    expect(inList.ranges.map((range) => range.lo)).toEqual([encodeKeyPart('a'), encodeKeyPart('b')]);
    const range = plan({ status: { $gte: 'm' } }).access as { ranges: { lo: Buffer; hi: Buffer }[] };
    expect(range.ranges[0].lo).toEqual(encodeKeyPart('m'));
    expect(range.ranges[0].hi).toEqual(Buffer.from([encodeKeyPart('')[0] + 1]));
  });

  it('reads a compound index in order when equality fixes its prefix and the sort is its next field', () => {
    const ordered = plan({ communityId: 'c1' }, { createdAt: -1 });
    expect(ordered).toMatchObject({ access: { kind: 'index', index: 'community_time' }, descending: true, ordered: true });
    expect(plan({ communityId: 'c1' }, { other: 1 }).ordered).toBe(false);
  });

  it('walks an index in sort order when the filter cannot use one', () => {
    expect(plan({ note: 'x' }, { status: 1 })).toMatchObject({ access: { kind: 'index', index: 'status' }, ordered: true });
    expect(plan({ note: 'x' }, { _id: -1 })).toMatchObject({ access: { kind: 'id' }, descending: true });
    expect(planQuery({}, { status: 1 }, indexes, () => true).access.kind).toBe('scan');
  });

  it('scans when nothing helps, and never uses a geo index for lookups', () => {
    expect(plan({ note: 'x' }).access.kind).toBe('scan');
    expect(plan({ status: /open/ }).access.kind).toBe('scan');
    expect(plan({ $or: [{ status: 'a' }, { status: 'b' }] }).access.kind).toBe('scan');
    expect(plan({ location: 'x' }).access.kind).toBe('scan');
  });

  it('finds equality inside $and', () => {
    expect(plan({ $and: [{ status: 'open' }, { n: { $gt: 1 } }] }).access).toMatchObject({ kind: 'index', index: 'status' });
  });

  it('knows which _ids a filter pins', () => {
    expect(pinnedIds({ _id: 'x' })).toEqual(['x']);
    expect(pinnedIds({ _id: { $in: ['a', 'b'] } })).toEqual(['a', 'b']);
    expect(pinnedIds({ _id: { $gt: 'a' } })).toBeUndefined();
  });
});
