import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { WorkbenchCounts } from '../../../../src/domain/user.schema';
import { shanghaiYear } from '../../../../src/domain/shanghai-time';
import { HUBIN, STAFF, gcjReading, northOf, registerMember } from '../checkin/checkin-fixtures';

/** 工作台 pending counts: one call, each count what its queue page lists, in a bounded number of round trips. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

const items = async (fn: string, openid: string, payload: Record<string, unknown>) =>
  expectOk(await platform.call<{ items: unknown[] }>(fn, openid, payload)).items.length;

async function counts(openid: string, payload: Record<string, unknown>) {
  const result = await platform.call<WorkbenchCounts>('user', openid, { action: 'workbench', ...payload });
  return { counts: expectOk(result), trips: await platform.roundTrips(result.invocationId) };
}

describe('user.workbench', () => {
  it('counts what each queue lists, and a new pending 报到 raises its count, in the same round trips', async () => {
    const before = await counts(STAFF, { communityId: HUBIN.id });
    expect(before.counts).toEqual({
      checkins: await items('checkin', STAFF, { action: 'pendingCheckins', communityId: HUBIN.id }),
      hours: await items('checkin', STAFF, { action: 'pendingLogs', communityId: HUBIN.id }),
      wishes: await items('wish', STAFF, { action: 'reviewQueue' }),
      qa: await items('qa', STAFF, { action: 'inbox' }),
    });
    // The caller, then four counts side by side (wishes: one per scope kind the caller has).
    expect(before.trips).toBeLessThanOrEqual(6);

    for (const openid of ['wb-a', 'wb-b', 'wb-c']) {
      await registerMember(platform, openid, '赵工作台');
      expectOk(await platform.call('checkin', openid, { action: 'report', communityId: HUBIN.id, ...gcjReading(northOf(HUBIN, 100)) }));
    }
    const after = await counts(STAFF, { communityId: HUBIN.id });
    expect(after.counts.checkins).toBe((before.counts.checkins ?? 0) + 3);
    expect(after.trips).toBe(before.trips);
  }, 30_000);

  it('without a community gives league staff their wish and 问政 queues only', async () => {
    const { counts: league } = await counts('demo-league-staff', {});
    expect(league.checkins).toBeUndefined();
    expect(league.hours).toBeUndefined();
    expect(league.wishes).toBe(await items('wish', 'demo-league-staff', { action: 'reviewQueue' }));
  }, 20_000);

  it('counts the 五星创评 items waiting for a secretary who is also staff (the seeded 自评 of 机关第一党支部), and none for staff without 党组织工作', async () => {
    const secretary = await counts('demo-staff-member', { communityId: HUBIN.id });
    expect(secretary.counts.stars).toBe(1);
    const listed = expectOk(await platform.call<{ items: { kind: string; branchName: string }[] }>('org', 'demo-staff-member', { action: 'myStarWork', year: shanghaiYear(new Date()) })).items;
    expect(listed).toEqual([expect.objectContaining({ kind: 'selfAssess', branchName: '机关第一党支部' })]);
    expect((await counts(STAFF, { communityId: HUBIN.id })).counts.stars).toBeUndefined();
  }, 20_000);

  it('refuses a resident, and staff of another community for 湖滨社区', async () => {
    expect(errorOf(await platform.call('user', 'demo-resident', { action: 'workbench' }))).toMatchObject({ code: 'FORBIDDEN', message: '只有工作人员可以使用工作台' });
    expect(errorOf(await platform.call('user', 'demo-other-community-staff', { action: 'workbench', communityId: HUBIN.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '只有本社区工作人员可以查看该社区的待办',
    });
  }, 20_000);
});
