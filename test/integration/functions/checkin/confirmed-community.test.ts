import { expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import type { MeView, MemberProfileView } from '../../../../src/domain/user.schema';
import { givenMembers } from '../../../fixtures/database';
import { HUBIN, STAFF, gcjReading, northOf, registerMember } from './checkin-fixtures';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

const members = async () =>
  expectOk(await platform.call<{ items: MemberProfileView[] }>('user', STAFF, { action: 'listCommunityMembers', communityId: HUBIN.id })).items.map((m) => m.openid);

describe('a confirmed 报到 is the member’s community', () => {
  it('gives the member the community on confirmation, and the 党员名册 lists members by confirmed 报到', async () => {
    await registerMember(platform, 'cc-new', '钱报到');
    // Chose 湖滨社区 on 首页 but never reported in: not on the roll.
    await givenMembers(platform, ['cc-never'], () => ({ name: '孙未报到', communityId: HUBIN.id }));
    expectOk(await platform.call('checkin', 'cc-new', { action: 'report', communityId: HUBIN.id, ...gcjReading(northOf(HUBIN, 100)) }));
    expect(expectOk(await platform.call<MeView>('user', 'cc-new', { action: 'me' })).community).toBeNull();
    expect(await members()).not.toContain('cc-new');

    expectOk(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: 'cc-new', decision: 'confirm' }));

    expect(expectOk(await platform.call<MeView>('user', 'cc-new', { action: 'me' })).community).toMatchObject({ id: HUBIN.id, name: '湖滨社区' });
    const roll = await members();
    expect(roll).toContain('cc-new');
    expect(roll).not.toContain('cc-never');
  }, 20_000);

  it('does not move a member whose 报到 is sent back', async () => {
    await registerMember(platform, 'cc-back', '周退回');
    expectOk(await platform.call('checkin', 'cc-back', { action: 'report', communityId: HUBIN.id, ...gcjReading(northOf(HUBIN, 100)) }));
    expectOk(await platform.call('checkin', STAFF, { action: 'reviewCheckin', memberOpenid: 'cc-back', decision: 'reject', reason: '您不住在本社区' }));
    expect(expectOk(await platform.call<MeView>('user', 'cc-back', { action: 'me' })).community).toBeNull();
    expect(await members()).not.toContain('cc-back');
  }, 20_000);
});
