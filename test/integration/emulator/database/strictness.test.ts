import { startHarness, type Harness } from './helpers/fixtures';
import { sdkError } from './helpers/sdk';

/**
 * Where mingo alone is more lenient than CloudBase (MongoDB underneath), and requests that must neither crash
 * nor stall the emulator: each through the real SDK, or signed raw bodies for what the SDK would never send.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.server.close());

type Row = Record<string, unknown>;
type Tx = { collection(name: string): ReturnType<Harness['db']['collection']> };

async function seeded(docs: Row[]): Promise<string> {
  const name = await h.freshCollection();
  if (docs.length > 0) await h.db.collection(name).add(docs);
  return name;
}

const docOf = async (name: string, id: string) => ((await h.db.collection(name).doc(id).get()).data as Row[])[0];
const nested = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);

describe('update operators on the wrong type fail as on CloudBase', () => {
  it('refuses _.inc and _.mul on a string with MongoDB’s message, writing nothing', async () => {
    const name = await seeded([{ _id: 's', label: 'x', n: 1 }]);
    const _ = h.db.command;
    const inc = await sdkError(h.db.collection(name).doc('s').update({ label: _.inc(1) }));
    expect(inc.code).toBe('DATABASE_REQUEST_FAILED');
    expect(inc.message).toContain("Cannot apply $inc to a value of non-numeric type. {_id: \"s\"} has the field 'label' of non-numeric type string");
    const mul = await sdkError(h.db.collection(name).doc('s').update({ n: _.inc(1), label: _.mul(2) }));
    expect(mul).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('Cannot apply $mul') });
    expect(await docOf(name, 's')).toEqual({ _id: 's', label: 'x', n: 1 });
  });

  it('refuses _.push on a field that is not an array', async () => {
    const name = await seeded([{ _id: 'p', tags: 'x' }]);
    const error = await sdkError(h.db.collection(name).doc('p').update({ tags: h.db.command.push(['y']) }));
    expect(error).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining("The field 'tags' must be an array but is of type string") });
    expect((await docOf(name, 'p')).tags).toBe('x');
  });

  it('refuses a numeric operator with a non-numeric argument, and a path through a scalar', async () => {
    const name = await seeded([{ _id: 'q', n: 1, label: 'x' }]);
    const byString = await h.rawPost({ action: 'database.modifyDocument', collectionName: name, query: '{"_id":"q"}', data: '{"$inc":{"n":"1"}}', merge: true });
    expect(byString).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('Cannot increment with non-numeric argument') });
    const through = await sdkError(h.db.collection(name).doc('q').update({ 'label.count': h.db.command.inc(1) }));
    expect(through).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining("Cannot create field 'count' in element {label: \"x\"}") });
  });

  it('still creates missing fields: _.inc from 0, _.push into a new array', async () => {
    const name = await seeded([{ _id: 'm' }]);
    const _ = h.db.command;
    await h.db.collection(name).doc('m').update({ n: _.inc(2), tags: _.push(['a']), nothing: _.mul(3) });
    expect(await docOf(name, 'm')).toEqual({ _id: 'm', n: 2, tags: ['a'], nothing: 0 });
  });

  it('writes no document of a multi update when one of them is refused', async () => {
    const name = await seeded([
      { _id: 'a1', group: 'g', n: 1 },
      { _id: 'a2', group: 'g', n: 'two' },
      { _id: 'a3', group: 'g', n: 3 },
    ]);
    const before = h.server.emulator.database.writeCount();
    const error = await sdkError(h.db.collection(name).where({ group: 'g' }).update({ n: h.db.command.inc(10) }));
    expect(error.code).toBe('DATABASE_REQUEST_FAILED');
    expect(h.server.emulator.database.writeCount()).toBe(before);
    const { data } = await h.db.collection(name).orderBy('_id', 'asc').get();
    expect((data as Row[]).map((doc) => doc.n)).toEqual([1, 'two', 3]);
  });

  it('fails the transaction: runTransaction rejects and its earlier writes are rolled back', async () => {
    const name = await seeded([
      { _id: 't1', n: 1 },
      { _id: 't2', n: 'x' },
    ]);
    const failing = h.db.runTransaction(async (t: unknown) => {
      const tx = t as Tx;
      await tx.collection(name).doc('t1').update({ n: h.db.command.inc(1) });
      await tx.collection(name).doc('t2').update({ n: h.db.command.inc(1) });
    });
    await expect(failing).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect((await docOf(name, 't1')).n).toBe(1);
    expect((await docOf(name, 't2')).n).toBe('x');
  });
});

describe('sorting on array fields, as MongoDB', () => {
  let name: string;

  beforeAll(async () => {
    name = await seeded([
      { _id: 'd1', a: [1, 10] },
      { _id: 'd2', a: [5, 6] },
      { _id: 'd3', a: 7 },
      { _id: 'd4', a: [] },
      { _id: 'd5' },
    ]);
  });

  it('orders descending by the largest element and ascending by the smallest', async () => {
    const desc = await h.db.collection(name).orderBy('a', 'desc').get();
    expect((desc.data as Row[]).map((doc) => doc._id)).toEqual(['d1', 'd3', 'd2', 'd5', 'd4']);
    const asc = await h.db.collection(name).orderBy('a', 'asc').get();
    expect((asc.data as Row[]).map((doc) => doc._id)).toEqual(['d4', 'd5', 'd1', 'd2', 'd3']);
  });

  it('does the same in an aggregation $sort', async () => {
    const { data } = await h.db.collection(name).aggregate().sort({ a: -1 }).project({ _id: 1 }).end();
    expect((data as Row[]).map((doc) => doc._id)).toEqual(['d1', 'd3', 'd2', 'd5', 'd4']);
  });
});

describe('aggregation edge cases', () => {
  it('skips documents without the field in $push and $addToSet, keeping explicit nulls', async () => {
    const name = await seeded([{ x: 1 }, {}, { x: null }, { x: 1 }]);
    const $ = h.db.command.aggregate;
    const { data } = await h.db.collection(name).aggregate().group({ _id: null, pushed: $.push('$x'), set: $.addToSet('$x'), n: $.sum(1) }).end();
    const [row] = data as { pushed: unknown[]; set: unknown[]; n: number }[];
    expect(row.pushed).toEqual([1, null, 1]);
    expect([...row.set].sort()).toEqual([1, null].sort());
    expect(row.n).toBe(4);
  });

  it('yields no document for $count over nothing', async () => {
    const name = await seeded([{ a: 1 }]);
    const { data } = await h.db.collection(name).aggregate().match({ a: 2 }).count('n').end();
    expect(data).toEqual([]);
  });

  it('samples without replacement and never more than there are', async () => {
    const name = await seeded([{ _id: 's1' }, { _id: 's2' }, { _id: 's3' }]);
    for (let round = 0; round < 5; round++) {
      const all = (await h.db.collection(name).aggregate().sample({ size: 5 }).end()).data as Row[];
      expect(all.map((doc) => doc._id).sort()).toEqual(['s1', 's2', 's3']);
      const two = (await h.db.collection(name).aggregate().sample({ size: 2 }).end()).data as Row[];
      expect(new Set(two.map((doc) => doc._id)).size).toBe(2);
    }
  });
});

describe('requests that must neither crash nor stall the emulator', () => {
  it('answers sample({ size: 1e9 }) at once and keeps serving', async () => {
    const name = await seeded([{ _id: 'only' }]);
    const started = Date.now();
    const { data } = await h.db.collection(name).aggregate().sample({ size: 1e9 }).end();
    expect(data).toEqual([{ _id: 'only' }]);
    expect(Date.now() - started).toBeLessThan(2_000);
    const bad = await h.rawPost({ action: 'database.aggregateDocuments', collectionName: name, stages: [{ stageKey: '$sample', stageValue: '{"size":-1}' }] });
    expect(String(bad.message)).toContain('size argument to $sample must not be negative');
    expect((await h.db.collection(name).count()).total).toBe(1);
  });

  it('stops a catastrophic regular expression with DATABASE_TIMEOUT within its time limit, then serves the next request', async () => {
    const name = await seeded([{ _id: 'r', s: `${'a'.repeat(40)}!` }, { _id: 'ok', s: 'abc' }]);
    const started = Date.now();
    const error = await sdkError(h.db.collection(name).where({ s: /^(a+)+$/ }).get());
    expect(error.code).toBe('DATABASE_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
    const inPipeline = await sdkError(h.db.collection(name).aggregate().project({ s: 1 }).match({ s: h.db.RegExp({ regexp: '^(a+)+$' }) }).end());
    expect(inPipeline.code).toBe('DATABASE_TIMEOUT');

    const next = Date.now();
    const { data } = await h.db.collection(name).where({ s: /^ab/ }).get();
    expect((data as Row[]).map((doc) => doc._id)).toEqual(['ok']);
    expect(Date.now() - next).toBeLessThan(1_000);
  });

  it('refuses a JSON body nested 100 000 levels deep on /admin, and keeps serving', async () => {
    const res = await fetch(`${h.server.url}?env=local-dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"action":${'['.repeat(100_000)}${']'.repeat(100_000)}}` });
    expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('nested deeper than') });
    expect((await h.db.collection('users').where({ openid: 'nobody' }).count()).total).toBe(0);
  });

  it('refuses deep EJSON: past the transport limit as INVALID_PARAM, past MongoDB’s 100 levels as DATABASE_REQUEST_FAILED', async () => {
    const name = await h.freshCollection();
    const insert = (data: string) => h.rawPost({ action: 'database.insertDocument', collectionName: name, data: [data] });
    expect(await insert(nested(100_000))).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await insert(nested(101))).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('100 levels of nesting') });
    expect(await insert(nested(100, '{"$date":{"$numberLong":"0"}}'))).toMatchObject({ data: { insertedIds: [expect.any(String)] } });
    const query = await h.rawPost({ action: 'database.getDocument', collectionName: name, query: nested(100_000) });
    expect(query).toMatchObject({ code: 'INVALID_PARAM' });
    expect((await h.db.collection(name).count()).total).toBe(1);
  });

  it('refuses an update that would nest a document past 100 levels', async () => {
    const name = await seeded([{ _id: 'deep' }]);
    const data = `{"$set":{"x.y":${nested(99)}}}`;
    const reply = await h.rawPost({ action: 'database.modifyDocument', collectionName: name, query: '{"_id":"deep"}', data, merge: true });
    expect(reply).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(await docOf(name, 'deep')).toEqual({ _id: 'deep' });
  });
});
