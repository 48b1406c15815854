import fc from 'fast-check';
import { EJSON } from 'bson';
import { registeredActions } from '../../helpers/function-registry';
import { expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { arbitraryOf, jsonSchemaOf } from '../../helpers/schema-arbitrary';
import { uploadPhoto } from '../../helpers/upload-photo';
import { aMemberProfile, aQuestion, aWishInput, requestId } from '../../fixtures/builders';
import { HUBIN, LEAGUE, MEMBER, PERSONAS, RESIDENT, STAFF } from '../../fixtures/personas';

/**
 * Every action a resident or an anonymous visitor can call is called over seeded data, and its replies are searched
 * for private values: members' phones and real names, beneficiaries' names and contacts, precise check-in points,
 * and every persona's openid (in file ids, share paths, anything). Private fields are listed per collection; their
 * values are read from the database after the seed, which is given a public wish, question and answer with photos.
 */
const PRIVATE_FIELDS: Record<string, string[]> = {
  users: ['member.name', 'member.phone'],
  wishes: ['beneficiary.name', 'beneficiary.contact', 'beneficiary.phone', 'contact'],
  checkins: ['point.latitude', 'point.longitude', 'memberName', 'phone'],
  attendances: ['memberName', 'checkIn.point.latitude', 'checkIn.point.longitude', 'checkOut.point.latitude', 'checkOut.point.longitude'],
  service_logs: ['memberName'],
  questions: ['askerName', 'contact', 'phone'],
};
const VIEWERS = [null, RESIDENT];
const SEED = 7;

let platform: TestPlatform;
let ids: string[] = [];
let secrets: string[] = [];

async function allDocs(collection: string): Promise<Record<string, unknown>[]> {
  try {
    const reply = (await platform.emulator.database.handle('database.getDocument', { collectionName: collection, queryType: 'WHERE', query: '{}', limit: 1000 })) as { data: { list: string[] } };
    return reply.data.list.map((s) => EJSON.parse(s) as Record<string, unknown>);
  } catch {
    return [];
  }
}

const valueAt = (doc: Record<string, unknown>, dotted: string) => dotted.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);

/** Public content with photos, through the same actions people use: the photos' file ids are then on public pages. */
// Posted by others than the resident who looks: a poster legitimately sees their own beneficiary's contact.
async function givenPublicPhotos(): Promise<void> {
  const wish = expectOk(await platform.call('wish', STAFF, { action: 'post', ...aWishInput({ onBehalf: true, photos: [await uploadPhoto(platform, STAFF)] }) }));
  if (wish.status === 'submitted') expectOk(await platform.call('wish', LEAGUE, { action: 'review', wishId: wish.id, decision: 'approve' }));
  const question = expectOk(await platform.call('qa', MEMBER, aQuestion({ photos: [await uploadPhoto(platform, MEMBER)], isPublic: true })));
  expectOk(await platform.call('qa', STAFF, { action: 'answer', id: question.id, content: '已安排维修，今晚恢复照明。', photos: [await uploadPhoto(platform, STAFF)], requestId: requestId('ans') }));
}

/** Someone who posted, asked (publicly, answered) and registered, then withdrew (注销): nothing of theirs may show. */
const WITHDRAWN = { openid: 'scan-withdrawn', name: '冯已注', phone: '13966667777', beneficiaryName: '冯小满', beneficiaryPhone: '13766667777' };
let withdrawnPhotos: string[] = [];

async function givenWithdrawnPerson(): Promise<void> {
  const who = WITHDRAWN.openid;
  expectOk(await platform.call('user', who, { action: 'registerMember', ...aMemberProfile({ name: WITHDRAWN.name, phone: WITHDRAWN.phone }) }));
  expectOk(await platform.call('user', who, { action: 'setHomeCommunity', communityId: HUBIN.id }));
  withdrawnPhotos = [await uploadPhoto(platform, who), await uploadPhoto(platform, who)];
  const wish = expectOk(await platform.call('wish', who, { action: 'post', ...aWishInput({ beneficiaryName: WITHDRAWN.beneficiaryName, beneficiaryPhone: WITHDRAWN.beneficiaryPhone, photos: [withdrawnPhotos[0]] }) }));
  if (wish.status === 'submitted') expectOk(await platform.call('wish', LEAGUE, { action: 'review', wishId: wish.id, decision: 'approve' }));
  const question = expectOk(await platform.call('qa', who, aQuestion({ askerName: WITHDRAWN.name, photos: [withdrawnPhotos[1]], isPublic: false })));
  expectOk(await platform.call('qa', STAFF, { action: 'answer', id: question.id, content: '已收到，正在处理。', photos: [], requestId: requestId('ans') }));
  expectOk(await platform.call('user', who, { action: 'withdraw', confirmation: '确认注销' }));
}

beforeAll(async () => {
  platform = await startTestPlatform();
  await givenPublicPhotos();
  await givenWithdrawnPerson();
  for (const [collection, fields] of Object.entries(PRIVATE_FIELDS)) {
    for (const doc of await allDocs(collection)) {
      ids.push(String(doc._id));
      for (const field of fields) {
        const value = valueAt(doc, field);
        if (typeof value === 'string' && value.length >= 2) secrets.push(value);
        // Coordinates are private only at full precision; 3 decimals (~100 m) may be shown.
        if (typeof value === 'number' && !Number.isInteger(value * 1000)) secrets.push(String(value));
      }
    }
  }
  for (const collection of ['communities', 'units', 'activities', 'notices']) ids.push(...(await allDocs(collection)).map((d) => String(d._id)));
  // Openids: a viewer may see their own (user.me), never anyone else's.
  secrets.push(...PERSONAS.map((p) => p.openid));
  // A withdrawn person: identity, contact, their beneficiary's contact and the photos only they (and staff) saw.
  secrets.push(WITHDRAWN.openid, WITHDRAWN.name, WITHDRAWN.phone, WITHDRAWN.beneficiaryName, WITHDRAWN.beneficiaryPhone, ...withdrawnPhotos);
  secrets = [...new Set(secrets)];
  ids = [...new Set(ids)];
}, 60_000);

afterAll(() => platform?.close());

it('has private values to look for, and public photos to look in', async () => {
  expect(secrets).toEqual(expect.arrayContaining(['13907911234', '李建国', RESIDENT, STAFF]));
  expect(secrets).toEqual(expect.arrayContaining([WITHDRAWN.openid, WITHDRAWN.phone, ...withdrawnPhotos]));
  const wall = await platform.call('wish', null, { action: 'wall' });
  expect(JSON.stringify(wall.body)).toContain('/uploads/');
});

const readable = registeredActions();

describe.each(readable.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (_name, entry) => {
  it('never shows a resident or a visitor a private value', async () => {
    const schema = jsonSchemaOf(entry.schema);
    // Payloads from the schema, with every id-like field pointed at a real document so replies carry real data.
    const withRealIds = (arbitraryOf(schema) as fc.Arbitrary<Record<string, unknown>>).chain((payload) =>
      fc.constantFrom(...ids).map((id) => Object.fromEntries(Object.entries(payload ?? {}).map(([k, v]) => [k, /id$/i.test(k) && k !== 'requestId' && typeof v === 'string' ? id : v]))),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(withRealIds, fc.constant({})), fc.constantFrom(...VIEWERS), async (payload, viewer) => {
        const { body } = await platform.call(entry.fn, viewer, { ...payload, action: entry.action });
        const text = JSON.stringify(body);
        const leaked = secrets.filter((s) => s !== viewer && text.includes(s));
        expect(leaked).toEqual([]);
      }),
      { seed: SEED, numRuns: 15 },
    );
  }, 120_000);
});
