import { CLOCK, startHarness, type Harness } from './helpers/fixtures';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.server.close());

type Row = Record<string, unknown>;

const ids = (data: unknown) => (data as Row[]).map((doc) => doc._id);

async function seeded(docs: Row[]): Promise<string> {
  const name = await h.freshCollection();
  await h.db.collection(name).add(docs);
  return name;
}

describe('where commands', () => {
  let name: string;

  beforeAll(async () => {
    name = await seeded([
      { _id: 'a', n: 1, tag: 'red', profile: { city: '南昌', age: 30 }, tags: ['x', 'y'], at: new Date('2025-01-01T00:00:00Z') },
      { _id: 'b', n: 5, tag: 'blue', profile: { city: '九江', age: 40 }, tags: ['y'], at: new Date('2025-02-01T00:00:00Z') },
      { _id: 'c', n: 10, tag: 'Red', profile: { city: '南昌', age: 50 }, at: new Date('2025-03-01T00:00:00Z') },
      { _id: 'd', n: 7.5, extra: true },
    ]);
  });

  const find = async (where: Row) => ids((await h.db.collection(name).where(where).orderBy('_id', 'asc').get()).data);

  it('compares', async () => {
    const _ = h.db.command;
    expect(await find({ n: _.gt(1) })).toEqual(['b', 'c', 'd']);
    expect(await find({ n: _.gte(5).and(_.lt(10)) })).toEqual(['b', 'd']);
    expect(await find({ n: _.in([1, 10]) })).toEqual(['a', 'c']);
    expect(await find({ n: _.nin([1, 10]) })).toEqual(['b', 'd']);
    expect(await find({ n: _.neq(5) })).toEqual(['a', 'c', 'd']);
    expect(await find({ at: _.lt(new Date('2025-02-15T00:00:00Z')) })).toEqual(['a', 'b']);
  });

  it('combines with or, and, exists', async () => {
    const _ = h.db.command;
    expect(await find(_.or([{ tag: 'red' }, { n: _.gt(9) }]) as unknown as Row)).toEqual(['a', 'c']);
    expect(await find(_.and([{ n: _.gt(1) }, { n: _.lt(8) }]) as unknown as Row)).toEqual(['b', 'd']);
    expect(await find({ extra: _.exists(true) })).toEqual(['d']);
    expect(await find({ tag: _.exists(false) })).toEqual(['d']);
  });

  it('matches nested fields and array elements', async () => {
    const _ = h.db.command;
    expect(await find({ profile: { city: '南昌' } })).toEqual(['a', 'c']);
    expect(await find({ 'profile.age': _.gte(40) })).toEqual(['b', 'c']);
    expect(await find({ tags: 'y' })).toEqual(['a', 'b']);
    expect(await find({ tags: _.all(['x', 'y']) })).toEqual(['a']);
  });

  it('matches regular expressions from db.RegExp and from JS', async () => {
    expect(await find({ tag: h.db.RegExp({ regexp: '^red$', options: 'i' }) })).toEqual(['a', 'c']);
    expect(await find({ tag: /^R/ })).toEqual(['c']);
  });

  it('compares with the server date', async () => {
    const _ = h.db.command;
    // The clock is 2025-03-01T08:00Z; c is 8 hours earlier.
    expect(CLOCK.toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(await find({ at: _.gte(h.db.serverDate({ offset: -9 * 3600_000 })) })).toEqual(['c']);
    expect(await find({ at: _.gte(h.db.serverDate({ offset: -7 * 3600_000 })) })).toEqual([]);
  });
});

describe('geo', () => {
  // Around 南昌: the origin, then points roughly 1 km, 3 km and 20 km away.
  const origin = { longitude: 115.892151, latitude: 28.676493 };
  let name: string;

  beforeAll(async () => {
    const Point = h.db.Geo.Point;
    name = await seeded([
      { _id: 'far', location: new Point(116.09, 28.72) },
      { _id: 'near', location: new Point(115.9024, 28.6765) },
      { _id: 'mid', location: new Point(115.9229, 28.6765) },
      { _id: 'nowhere' },
    ]);
  });

  it('answers _.geoNear nearest first, within the distance bounds in metres', async () => {
    const _ = h.db.command;
    const geometry = new h.db.Geo.Point(origin.longitude, origin.latitude);
    const all = await h.db.collection(name).where({ location: _.geoNear({ geometry }) }).get();
    expect(ids(all.data)).toEqual(['near', 'mid', 'far']);
    const bounded = await h.db.collection(name).where({ location: _.geoNear({ geometry, maxDistance: 5000, minDistance: 2000 }) }).get();
    expect(ids(bounded.data)).toEqual(['mid']);
  });

  it('answers _.geoWithin for a centre sphere and for a polygon', async () => {
    const _ = h.db.command;
    const { Point, LineString, Polygon } = h.db.Geo as unknown as Record<'Point' | 'LineString' | 'Polygon', new (...args: unknown[]) => object>;
    const sphere = await h.db
      .collection(name)
      .where({ location: _.geoWithin({ centerSphere: [new Point(origin.longitude, origin.latitude), 5000 / 6378100] }) })
      .orderBy('_id', 'asc')
      .get();
    expect(ids(sphere.data)).toEqual(['mid', 'near']);
    const ring = [new Point(115.89, 28.67), new Point(115.91, 28.67), new Point(115.91, 28.69), new Point(115.89, 28.69), new Point(115.89, 28.67)];
    const polygon = await h.db
      .collection(name)
      .where({ location: _.geoWithin({ geometry: new Polygon([new LineString(ring)]) }) })
      .get();
    expect(ids(polygon.data)).toEqual(['near']);
  });

  it('runs a $geoNear stage with the declared 2dsphere index', async () => {
    const places = h.db.collection('places');
    await places.add([
      { _id: 'p-far', kind: 'shop', location: new h.db.Geo.Point(116.09, 28.72) },
      { _id: 'p-near', kind: 'shop', location: new h.db.Geo.Point(115.9024, 28.6765) },
      { _id: 'p-park', kind: 'park', location: new h.db.Geo.Point(115.8922, 28.6765) },
    ]);
    const { data } = await places
      .aggregate()
      .geoNear({ near: new h.db.Geo.Point(origin.longitude, origin.latitude), spherical: true, distanceField: 'distance', query: { kind: 'shop' } })
      .end();
    const rows = data as Row[];
    expect(rows.map((row) => row._id)).toEqual(['p-near', 'p-far']);
    expect(rows[0].distance as number).toBeGreaterThan(900);
    expect(rows[0].distance as number).toBeLessThan(1100);
  });
});

describe('aggregation', () => {
  let name: string;

  beforeAll(async () => {
    name = await seeded([
      { street: 'A', hours: 2, tags: ['x'] },
      { street: 'B', hours: 3, tags: ['x', 'y'] },
      { street: 'A', hours: 5, tags: [] },
      { street: 'C', hours: 1 },
    ]);
  });

  it('groups, sorts and projects like MongoDB', async () => {
    const $ = h.db.command.aggregate;
    const { data } = await h.db
      .collection(name)
      .aggregate()
      .match({ hours: h.db.command.gte(2) })
      .group({ _id: '$street', total: $.sum('$hours'), count: $.sum(1) })
      .sort({ total: -1 })
      .project({ _id: 0, street: '$_id', total: 1, count: 1 })
      .end();
    expect(data).toEqual([
      { street: 'A', total: 7, count: 2 },
      { street: 'B', total: 3, count: 1 },
    ]);
  });

  it('unwinds, counts and looks up another collection', async () => {
    const unwound = await h.db.collection(name).aggregate().unwind('$tags').group({ _id: '$tags', n: h.db.command.aggregate.sum(1) }).sort({ _id: 1 }).end();
    expect(unwound.data).toEqual([
      { _id: 'x', n: 2 },
      { _id: 'y', n: 1 },
    ]);
    const counted = await h.db.collection(name).aggregate().match({ street: 'A' }).count('n').end();
    expect(counted.data).toEqual([{ n: 2 }]);

    const streets = await seeded([{ _id: 'A', label: '红谷滩' }]);
    const joined = await h.db
      .collection(name)
      .aggregate()
      .match({ street: 'A', hours: 2 })
      .lookup({ from: streets, localField: 'street', foreignField: '_id', as: 'streetInfo' })
      .project({ _id: 0, street: 1, streetInfo: 1 })
      .end();
    expect(joined.data).toEqual([{ street: 'A', streetInfo: [{ _id: 'A', label: '红谷滩' }] }]);
  });

  it('refuses an unknown stage with a message naming it', async () => {
    const reply = await h.rawPost({ action: 'database.aggregateDocuments', collectionName: name, stages: [{ stageKey: '$frobnicate', stageValue: '{}' }] });
    expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_INVALID' });
    expect(String(reply.message)).toContain('$frobnicate');
  });

  it('refuses a writing stage', async () => {
    const reply = await h.rawPost({ action: 'database.aggregateDocuments', collectionName: name, stages: [{ stageKey: '$out', stageValue: '"elsewhere"' }] });
    expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_INVALID' });
  });
});
