import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { DEFAULT_DAILY_POST_LIMITS, type PostLimitsView } from '../../../src/domain/post-limits';
import { aQuestion, aWishInput } from '../../fixtures/builders';
import { uploadPhoto } from '../../helpers/upload-photo';
import { givenMembers, storedDoc } from '../../fixtures/database';
import { ADMIN, STAFF } from '../../fixtures/personas';

/** The admin sets the daily posting limits in the console (issue 13 item 5); nobody else can read or change them. */
let platform: TestPlatform;
let clock = new Date('2026-03-02T09:00:00+08:00');
const RESIDENT = 'limits-resident';
const PHOTOGRAPHER = 'limits-photographer';

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await givenMembers(platform, [RESIDENT, PHOTOGRAPHER]);
}, 60_000);

afterAll(() => platform?.close());

const limitsWith = (changes: Record<string, unknown>) => ({ ...DEFAULT_DAILY_POST_LIMITS, ...changes });

it('shows the defaults, saves a new table, and the wish function enforces it', async () => {
  const shown = expectOk(await platform.call<PostLimitsView>('user', ADMIN, { action: 'postLimits' }));
  expect(shown).toEqual({ limits: DEFAULT_DAILY_POST_LIMITS, defaults: DEFAULT_DAILY_POST_LIMITS, updatedAt: null });

  const saved = expectOk(await platform.call<PostLimitsView>('user', ADMIN, { action: 'setPostLimits', ...limitsWith({ wish: 2 }) }));
  expect(saved.limits.wish).toBe(2);
  expect(saved.updatedAt).not.toBeNull();

  // Other instances read the setting at most once a minute.
  clock = new Date(clock.getTime() + 61_000);
  for (let i = 0; i < 2; i++) expectOk(await platform.call('wish', RESIDENT, { action: 'post', ...aWishInput({ title: `心愿第${i + 1}个` }) }));
  expect(errorOf(await platform.call('wish', RESIDENT, { action: 'post', ...aWishInput() }))).toEqual({ code: 'RATE_LIMITED', message: '今天提交的心愿已达上限（2 条），请明天再试' });
}, 60_000);

it.each([
  ['zero', { wish: 0 }, 'wish', '心愿的每日上限不能少于 1'],
  ['too many', { upload: 100_000 }, 'upload', '照片的每日上限不能超过 5000'],
  ['a fraction', { question: 2.5 }, 'question', '问题的每日上限必须是整数'],
  ['text', { notice: '很多' }, 'notice', '请选择公告的每日上限'],
])('refuses %s with the field and a Chinese reason, writing nothing', async (_name, change, field, message) => {
  const before = expectOk(await platform.call<PostLimitsView>('user', ADMIN, { action: 'postLimits' }));
  const error = errorOf(await platform.call('user', ADMIN, { action: 'setPostLimits', ...limitsWith(change) }));
  expect(error.code).toBe('INVALID_ARGUMENT');
  expect(error.details?.issues).toEqual([{ field, message }]);
  expect(expectOk(await platform.call<PostLimitsView>('user', ADMIN, { action: 'postLimits' }))).toEqual(before);
});

it('refuses everyone but the admin, staff included', async () => {
  for (const who of [STAFF, RESIDENT]) {
    expect(errorOf(await platform.call('user', who, { action: 'setPostLimits', ...limitsWith({ wish: 1000 }) }))).toMatchObject({ code: 'FORBIDDEN', message: '只有系统管理员可以查看和修改发布上限' });
    expect(errorOf(await platform.call('user', who, { action: 'postLimits' })).code).toBe('FORBIDDEN');
  }
  expect(errorOf(await platform.call('user', null, { action: 'postLimits' })).code).toBe('UNAUTHENTICATED');
});

it('counts photos as they are attached to posts, on the one counter document of the day, and says how many may still go', async () => {
  expectOk(await platform.call('user', ADMIN, { action: 'setPostLimits', ...limitsWith({ upload: 5 }) }));
  clock = new Date(clock.getTime() + 61_000);
  const photos = await Promise.all(Array.from({ length: 6 }, () => uploadPhoto(platform, PHOTOGRAPHER)));

  const first = await platform.call('qa', PHOTOGRAPHER, aQuestion({ title: '第一个带照片的问题', photos: photos.slice(0, 2) }));
  expectOk(first);
  const second = await platform.call('qa', PHOTOGRAPHER, aQuestion({ title: '第二个带照片的问题', photos: photos.slice(2, 4) }));
  expectOk(second);
  const withoutPhotos = await platform.call('qa', PHOTOGRAPHER, aQuestion({ title: '不带照片的问题' }));
  expectOk(withoutPhotos);
  // One counter document per person and day carries every kind, so a post and its photos are one increment.
  expect(await storedDoc(platform, 'post_counts', `${PHOTOGRAPHER}:2026-03-02`)).toMatchObject({ question: 3, upload: 4, wish: 0 });

  expect(errorOf(await platform.call('qa', PHOTOGRAPHER, aQuestion({ title: '照片太多的问题', photos: photos.slice(4, 6) })))).toEqual({
    code: 'RATE_LIMITED',
    message: '今天还可提交 1 张照片（每天上限 5 张），请减少照片或明天再试',
  });
  // Refused whole: the question was not counted either, and one photo still fits.
  expectOk(await platform.call('qa', PHOTOGRAPHER, aQuestion({ title: '只带一张照片的问题', photos: photos.slice(4, 5) })));
  expect(errorOf(await platform.call('qa', PHOTOGRAPHER, aQuestion({ title: '再带一张照片的问题', photos: photos.slice(5, 6) })))).toEqual({
    code: 'RATE_LIMITED',
    message: '今天提交的照片已达上限（5 张），请明天再试',
  });
}, 60_000);
