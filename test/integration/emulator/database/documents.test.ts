import { CLOCK, startHarness, type Harness } from './helpers/fixtures';
import { sdkError } from './helpers/sdk';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.server.close());

type Row = Record<string, unknown>;

async function seeded(docs: Row[]): Promise<string> {
  const name = await h.freshCollection();
  if (docs.length > 0) await h.db.collection(name).add(docs);
  return name;
}

describe('collections', () => {
  it('has the declared collections from the start', async () => {
    const { total } = await h.db.collection('users').where({ openid: 'nobody' }).count();
    expect(total).toBe(0);
  });

  it('refuses an unknown collection with DATABASE_COLLECTION_NOT_EXIST naming it', async () => {
    const error = await sdkError(h.db.collection('no_such_thing').where({ a: 1 }).get());
    expect(error.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(error.message).toContain('no_such_thing');
  });

  it('creates a collection once, and says when it already exists', async () => {
    await h.db.createCollection('created_once');
    await h.db.collection('created_once').add({ a: 1 });
    expect((await sdkError(h.db.createCollection('created_once'))).code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
    expect((await h.db.collection('created_once').count()).total).toBe(1);
  });
});

describe('insert and read back', () => {
  it('generates 32-hex ids and returns every type as written', async () => {
    const name = await h.freshCollection();
    const at = new Date('2024-05-06T07:08:09.010Z');
    const { id } = (await h.db.collection(name).add({
      count: 3,
      ratio: 2.5,
      at,
      nested: { list: [1, 'two', { three: true }], empty: {} },
      location: new h.db.Geo.Point(115.85, 28.68),
      createdAt: h.db.serverDate(),
      later: h.db.serverDate({ offset: 60_000 }),
      nothing: null,
    })) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{32}$/);

    const { data } = await h.db.collection(name).doc(id).get();
    const doc = (data as Row[])[0];
    expect(doc).toMatchObject({ _id: id, count: 3, ratio: 2.5, nested: { list: [1, 'two', { three: true }], empty: {} }, nothing: null });
    expect(doc.at).toEqual(at);
    expect(doc.createdAt).toEqual(CLOCK);
    expect(doc.later).toEqual(new Date(CLOCK.getTime() + 60_000));
    expect(doc.location).toMatchObject({ longitude: 115.85, latitude: 28.68 });
  });

  it('keeps int, double and long apart on the wire', async () => {
    const name = await h.freshCollection();
    const doc = '{"_id":"n","i":{"$numberInt":"3"},"d":{"$numberDouble":"3.5"},"l":{"$numberLong":"9007199254740993"}}';
    expect(await h.rawPost({ action: 'database.insertDocument', collectionName: name, data: [doc] })).toMatchObject({ data: { insertedIds: ['n'] } });
    const reply = await h.rawPost({ action: 'database.getDocument', collectionName: name, queryType: 'DOC', query: '{"_id":"n"}' });
    expect((reply.data as { list: string[] }).list).toEqual([doc]);
  });

  it('inserts a batch with given and generated ids', async () => {
    const name = await h.freshCollection();
    const { ids } = (await h.db.collection(name).add([{ _id: 'given', a: 1 }, { a: 2 }])) as { ids: string[] };
    expect(ids[0]).toBe('given');
    expect(ids[1]).toMatch(/^[0-9a-f]{32}$/);
    expect((await h.db.collection(name).count()).total).toBe(2);
  });

  it('refuses a duplicate _id and writes nothing of the batch', async () => {
    const name = await seeded([{ _id: 'taken', a: 1 }]);
    const error = await sdkError(h.db.collection(name).add([{ _id: 'fresh', a: 2 }, { _id: 'taken', a: 3 }]));
    expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await h.db.collection(name).count()).total).toBe(1);
  });
});

describe('reading', () => {
  it('returns only the projected fields', async () => {
    const name = await seeded([{ _id: 'p', name: '张三', phone: '13800000000', profile: { city: '南昌', street: '红谷滩' } }]);
    const included = await h.db.collection(name).where({ _id: 'p' }).field({ name: true, 'profile.city': true }).get();
    expect(included.data).toEqual([{ _id: 'p', name: '张三', profile: { city: '南昌' } }]);
    const excluded = await h.db.collection(name).doc('p').field({ phone: false }).get();
    expect(excluded.data).toEqual([{ _id: 'p', name: '张三', profile: { city: '南昌', street: '红谷滩' } }]);
  });

  it('orders by two keys like MongoDB', async () => {
    const name = await seeded([
      { _id: '1', group: 'b', score: 1 },
      { _id: '2', group: 'a', score: 1 },
      { _id: '3', group: 'b', score: 3 },
      { _id: '4', group: 'a', score: 2 },
      { _id: '5', score: 9 },
    ]);
    const { data } = await h.db.collection(name).orderBy('group', 'asc').orderBy('score', 'desc').get();
    expect((data as Row[]).map((doc) => doc._id)).toEqual(['5', '4', '2', '3', '1']);
  });

  it('pages with skip and limit without gaps or repeats', async () => {
    const name = await seeded(Array.from({ length: 25 }, (_, i) => ({ n: i })));
    const pages: number[][] = [];
    for (let skip = 0; skip < 30; skip += 10) {
      const { data } = await h.db.collection(name).orderBy('n', 'asc').skip(skip).limit(10).get();
      pages.push((data as Row[]).map((doc) => doc.n as number));
    }
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('answers 100 documents by default and at most 1000', async () => {
    const name = await seeded(Array.from({ length: 150 }, (_, i) => ({ n: i })));
    expect((await h.db.collection(name).get()).data).toHaveLength(100);
    expect((await h.db.collection(name).limit(5000).get()).data).toHaveLength(150);
    const reply = await h.rawPost({ action: 'database.getDocument', collectionName: name, queryType: 'WHERE', query: '{}', limit: 1001 });
    expect(reply).toMatchObject({ code: 'INVALID_PARAM' });
    expect(reply.message).toContain('at most 1000');
  });

  it('counts what a where matches', async () => {
    const name = await seeded([{ s: 'open' }, { s: 'open' }, { s: 'closed' }]);
    expect((await h.db.collection(name).where({ s: 'open' }).count()).total).toBe(2);
    expect((await h.db.collection(name).count()).total).toBe(3);
  });
});

describe('updating', () => {
  it('applies the SDK update commands', async () => {
    const _ = h.db.command;
    const name = await seeded([{ _id: 'u', n: 1, tags: ['a', 'b'], stale: true, profile: { name: 'x', city: 'y' }, list: [1] }]);
    const { updated } = await h.db
      .collection(name)
      .doc('u')
      .update({
        n: _.inc(2),
        tags: _.pull('a'),
        stale: _.remove(),
        profile: { name: 'z' },
        list: _.push([2, 3]),
        set: _.set({ whole: 1 }),
        mul: _.mul(3),
        uniq: _.addToSet('v'),
      });
    expect(updated).toBe(1);
    const { data } = await h.db.collection(name).doc('u').get();
    expect((data as Row[])[0]).toEqual({ _id: 'u', n: 3, tags: ['b'], profile: { name: 'z', city: 'y' }, list: [1, 2, 3], set: { whole: 1 }, mul: 0, uniq: ['v'] });
  });

  it('counts only documents whose content changed', async () => {
    const name = await seeded([{ g: 'a', flag: true }, { g: 'a', flag: false }, { g: 'a' }, { g: 'b' }]);
    expect((await h.db.collection(name).where({ g: 'a' }).update({ flag: true })).updated).toBe(2);
    expect((await h.db.collection(name).where({ g: 'a' }).update({ flag: true })).updated).toBe(0);
  });

  it('reports updated 0 when a conditional update finds the state moved on', async () => {
    const name = await seeded([{ _id: 'wish', status: 'open' }]);
    const claim = () => h.db.collection(name).where({ _id: 'wish', status: 'open' }).update({ status: 'claimed' });
    expect((await claim()).updated).toBe(1);
    expect((await claim()).updated).toBe(0);
  });

  it('replaces a document with set() and upserts a missing one', async () => {
    const name = await seeded([{ _id: 's', a: 1, b: 2 }]);
    const replaced = await h.db.collection(name).doc('s').set({ c: 3 });
    expect(replaced.updated).toBe(1);
    expect((await h.db.collection(name).doc('s').get()).data).toEqual([{ _id: 's', c: 3 }]);
    const created = await h.db.collection(name).doc('new').set({ d: 4 });
    expect(created).toMatchObject({ updated: 0, upsertedId: 'new' });
    expect((await h.db.collection(name).doc('new').get()).data).toEqual([{ _id: 'new', d: 4 }]);
  });

  it('writes the server date in updates', async () => {
    const name = await seeded([{ _id: 't' }]);
    await h.db.collection(name).doc('t').update({ updatedAt: h.db.serverDate({ offset: 1000 }) });
    const { data } = await h.db.collection(name).doc('t').get();
    expect((data as Row[])[0].updatedAt).toEqual(new Date(CLOCK.getTime() + 1000));
  });

  it('updates and returns the new document', async () => {
    const _ = h.db.command;
    const name = await seeded([{ _id: 'r', n: 1, s: 'open' }]);
    const hit = await h.db.collection(name).where({ s: 'open' }).updateAndReturn({ n: _.inc(1) });
    expect(hit).toMatchObject({ updated: 1, doc: { _id: 'r', n: 2, s: 'open' } });
    const miss = await h.db.collection(name).where({ s: 'closed' }).updateAndReturn({ n: _.inc(1) });
    expect(miss).toMatchObject({ updated: 0, doc: null });
  });

  it('refuses to change _id', async () => {
    const name = await seeded([{ _id: 'fixed', a: 1 }]);
    const reply = await h.rawPost({
      action: 'database.modifyDocument',
      collectionName: name,
      queryType: 'DOC',
      query: '{"_id":"fixed"}',
      data: '{"$set":{"_id":"moved"}}',
      merge: true,
    });
    expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_INVALID' });
    expect(reply.message).toContain('_id');
    expect((await h.db.collection(name).doc('fixed').get()).data).toEqual([{ _id: 'fixed', a: 1 }]);
  });
});

describe('unique indexes', () => {
  it('refuses a duplicate on insert, update and upsert, writing nothing', async () => {
    const users = h.db.collection('users');
    await users.add({ _id: 'u1', openid: 'o-1' });
    await users.add({ _id: 'u2', openid: 'o-2' });
    expect(await sdkError(users.add({ openid: 'o-1' }))).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await sdkError(users.doc('u2').update({ openid: 'o-1' }))).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await sdkError(users.doc('u3').set({ openid: 'o-2' }))).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    const { data } = await users.where({ openid: h.db.command.in(['o-1', 'o-2']) }).orderBy('_id', 'asc').get();
    expect(data).toEqual([
      { _id: 'u1', openid: 'o-1' },
      { _id: 'u2', openid: 'o-2' },
    ]);
  });

  it('enforces a compound unique key, a missing field counting as null', async () => {
    const grants = h.db.collection('grants');
    await grants.add({ openid: 'g', role: 'staff', scopeId: 's1' });
    await grants.add({ openid: 'g', role: 'staff', scopeId: 's2' });
    await grants.add({ openid: 'g', role: 'admin' });
    expect(await sdkError(grants.add({ openid: 'g', role: 'staff', scopeId: 's1' }))).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await sdkError(grants.add({ openid: 'g', role: 'admin', scopeId: null }))).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect((await grants.where({ openid: 'g' }).count()).total).toBe(3);
  });
});

describe('removing', () => {
  it('removes one document by id and many by where', async () => {
    const name = await seeded([{ _id: 'a', g: 1 }, { _id: 'b', g: 2 }, { _id: 'c', g: 2 }, { _id: 'd', g: 3 }]);
    expect((await h.db.collection(name).doc('a').remove()).deleted).toBe(1);
    expect((await h.db.collection(name).doc('a').remove()).deleted).toBe(0);
    expect((await h.db.collection(name).where({ g: 2 }).remove()).deleted).toBe(2);
    expect((await h.db.collection(name).get()).data).toEqual([{ _id: 'd', g: 3 }]);
  });
});

describe('bad requests', () => {
  it('answers malformed EJSON with INVALID_PARAM and keeps serving', async () => {
    const name = await seeded([{ a: 1 }]);
    const reply = await h.rawPost({ action: 'database.getDocument', collectionName: name, queryType: 'WHERE', query: '{"a":{"$numberInt":"x"}' });
    expect(reply).toMatchObject({ code: 'INVALID_PARAM' });
    expect(String(reply.message)).toContain('query');
    expect((await h.db.collection(name).count()).total).toBe(1);
  });

  it('answers an unknown action with INVALID_ACTION', async () => {
    const reply = await h.rawPost({ action: 'database.fooBar', collectionName: 'users' });
    expect(reply).toMatchObject({ code: 'INVALID_ACTION' });
    expect(String(reply.message)).toContain('database.fooBar');
  });

  it('answers an unknown query operator with DATABASE_REQUEST_INVALID', async () => {
    const name = await seeded([{ a: 1 }]);
    const reply = await h.rawPost({ action: 'database.getDocument', collectionName: name, queryType: 'WHERE', query: '{"a":{"$nope":1}}' });
    expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_INVALID' });
    expect(String(reply.message)).toContain('$nope');
  });

  it('answers a request without collectionName with INVALID_PARAM', async () => {
    expect(await h.rawPost({ action: 'database.getDocument', queryType: 'WHERE' })).toMatchObject({ code: 'INVALID_PARAM' });
  });
});
