import { EJSON } from 'bson';
import { expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { WallView } from '../../../../src/domain/wish.schema';
import { HUBIN } from './wish-fixtures';

/** The wall's budget must not grow with the data: the same two round trips at 100 000 wishes. */
let platform: TestPlatform;
const TOTAL = 100_000;
const COMMUNITIES = [HUBIN, 'c-xihu-chaoyang', 'c-honggutan-shajing'];
const STATUSES = ['closed', 'closed', 'claimed', 'fulfilled', 'published'] as const;
const CATEGORIES = ['生活物资', '学习用品', '情感陪伴', '医疗健康'];

function wish(i: number) {
  const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000);
  const status = STATUSES[i % STATUSES.length];
  return {
    _id: `scale-${i}`, title: `心愿${i}`, story: '批量数据', category: CATEGORIES[i % CATEGORIES.length], beneficiaryType: '留守儿童', value: 100, photos: [],
    communityId: COMMUNITIES[i % COMMUNITIES.length], communityName: '社区', streetId: 'st-x', posterOpenid: 'bulk', onBehalf: false,
    beneficiary: { name: '张三', phone: '13800000000' }, status, version: 1, publishAt: at, createdAt: at, closedAt: status === 'closed' ? at : null,
    contentFlag: null, rejectReason: null, campaign: null, claim: null, proposal: null, delivery: null,
    ledger: { posted: 1, claimed: status === 'published' ? 0 : 1, closed: status === 'closed' ? 1 : 0, closedOnTime: status === 'closed' ? 1 : 0 }, history: [],
  };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  for (let start = 0; start < TOTAL; start += 5_000) {
    const data = Array.from({ length: 5_000 }, (_, j) => EJSON.stringify(wish(start + j), { relaxed: false }));
    await platform.emulator.database.handle('database.insertDocument', { collectionName: 'wishes', data });
  }
}, 120_000);

afterAll(() => platform?.close());

it.each([
  ['no filter', {}],
  ['a community', { communityId: HUBIN }],
  ['community, category and beneficiary type', { communityId: HUBIN, category: '学习用品', beneficiaryType: '留守儿童' }],
])('the first page with %s costs 2 round trips at 100 000 wishes', async (_label, filters) => {
  const started = Date.now();
  const res = await platform.call<WallView>('wish', null, { action: 'wall', ...filters });
  const wall = expectOk(res);
  const elapsed = Date.now() - started;
  expect(wall.items).toHaveLength(20);
  expect(wall.items.every((w, i, all) => i === 0 || all[i - 1].publishAt >= w.publishAt)).toBe(true);
  expect(await platform.roundTrips(res.invocationId)).toBe(2);
  console.log(`[wish] wall (${_label}) at ${TOTAL}: ${elapsed} ms`);
}, 30_000);
