import type { StarHistoryRow } from '../../../../src/domain/star-history';
import { expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { insertDocs } from '../../../fixtures/database';

/**
 * The organisation page's 五星 (org.orgStars): a branch's current star and history, public, after 公示 only. A branch
 * of its own keeps the seeded 五星创评 data of other tests out of the way.
 */
let platform: TestPlatform;
const clock = new Date('2026-03-02T02:00:00.000Z');
const BRANCH = 'o-b-stars-page';

const assessment = (year: number, status: string, stars: number | null, publicityEndsAt: string | null) => ({
  _id: `sa-${year}-${BRANCH}`,
  cycleId: `sc-o-u-city-organ-${year}`,
  ratingOrgId: 'o-u-city-organ',
  year,
  branchId: BRANCH,
  branchName: '星级测试党支部',
  reviewOrgId: 'o-g-city-organ',
  domain: 'organ',
  status,
  self: null,
  review: null,
  returnReason: null,
  stars,
  starReason: null,
  ratedBy: 'demo-admin',
  ratedAt: null,
  publicityEndsAt: publicityEndsAt ? new Date(publicityEndsAt) : null,
  history: [{ at: new Date(), byOpenid: 'demo-staff-member', step: 'submit', from: 'self_assessing', to: 'submitted', note: '周敏提交' }],
});

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  const now = new Date();
  await insertDocs(platform, 'organisations', [
    { _id: BRANCH, type: 'branch', name: '星级测试党支部', parentId: 'o-g-city-organ', parentName: '市直机关党总支', ancestors: ['o-u-city-organ', 'o-g-city-organ'], status: 'active', secretaryOpenid: 'demo-staff-member', secretaryName: '周敏', contactOpenid: null, contactName: null, communityId: null, unitId: 'u-city-organ', mergedInto: null, createdAt: now, updatedAt: now },
  ]);
  await insertDocs(platform, 'star_assessments', [
    assessment(2023, 'publicised', 3, '2024-01-10T00:00:00.000Z'),
    assessment(2024, 'publicised', 4, '2025-01-10T00:00:00.000Z'),
    // 2025: rated, but its 公示 runs until after today — not yet the branch's star.
    assessment(2025, 'publicised', 5, '2026-03-06T00:00:00.000Z'),
    assessment(2026, 'submitted', null, null),
  ]);
}, 60_000);
afterAll(() => platform?.close());

type Stars = { rated: boolean; current: StarHistoryRow | null; history: StarHistoryRow[] };

it('shows the latest star whose 公示 has ended as current, and the history, to anyone, in two round trips', async () => {
  const res = await platform.call<Stars>('org', null, { action: 'orgStars', orgId: BRANCH });
  expect(expectOk(res)).toEqual({
    rated: true,
    current: { year: 2024, stars: 4, starsLabel: '四星' },
    history: [
      { year: 2024, stars: 4, starsLabel: '四星' },
      { year: 2023, stars: 3, starsLabel: '三星' },
    ],
  });
  expect(JSON.stringify(expectOk(res))).not.toMatch(/demo-|周敏/);
  expect(await platform.roundTrips(res.invocationId)).toBeLessThanOrEqual(2);
});

it('says a node that is not a branch is not rated', async () => {
  expect(expectOk(await platform.call<Stars>('org', null, { action: 'orgStars', orgId: 'o-c-hubin' }))).toEqual({ rated: false, current: null, history: [] });
});
