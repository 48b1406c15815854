import type { OrgSummary } from '../../../../src/domain/organisation.schema';
import type { MyPledgesView } from '../../../../src/domain/pledge.schema';
import type { MeView } from '../../../../src/domain/user.schema';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { insertDocs } from '../../../fixtures/database';
import { ADMIN, MEMBER, STAFF_MEMBER, STREET_STAFF } from '../../../fixtures/personas';

let platform: TestPlatform;
const clock = new Date('2026-03-02T02:00:00.000Z');
const CONTACT = 'om-branch-contact';

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
}, 60_000);
afterAll(() => platform?.close());

describe('org.mine: where a secretary or 党组织工作人员 starts', () => {
  it('lists the branches a person is secretary of, then a granted subtree, in at most 2 round trips', async () => {
    const led = await platform.call<{ items: OrgSummary[] }>('org', STAFF_MEMBER, { action: 'mine' });
    expect(expectOk(led).items.map((o) => o.id).sort()).toEqual(['o-b-organ-1', 'o-b-organ-2']);
    expect(await platform.roundTrips(led.invocationId)).toBeLessThanOrEqual(2);

    expect(errorOf(await platform.call('org', STREET_STAFF, { action: 'mine' }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('所在党支部') });
    expectOk(await platform.call('user', ADMIN, { action: 'grantRole', openid: STREET_STAFF, role: 'org_staff', scopeType: 'organisation', scopeId: 'o-st-baihuazhou' }));
    const granted = await platform.call<{ items: OrgSummary[] }>('org', STREET_STAFF, { action: 'mine' });
    expect(expectOk(granted).items.map((o) => o.name)).toEqual(['百花洲街道党工委']);
    expect(await platform.roundTrips(granted.invocationId)).toBeLessThanOrEqual(2);
  });

  it('is for whoever has 党组织工作 — the same rule decides 我的 — and a plain member is refused', async () => {
    expect(errorOf(await platform.call('org', MEMBER, { action: 'mine' })).code).toBe('FORBIDDEN');
    expect(expectOk(await platform.call<MeView>('user', MEMBER, { action: 'me' })).leadsOrg).toBe(false);
    expect(expectOk(await platform.call<MeView>('user', STAFF_MEMBER, { action: 'me' })).leadsOrg).toBe(true);

    // A 联系人 who is neither secretary nor staff has the work too.
    await insertDocs(platform, 'users', [{ _id: CONTACT, openid: CONTACT, communityId: null, grants: [], createdAt: new Date(), member: { name: '孙联络', phone: '13800000002', workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委', partyBranch: '机关第二党支部', branchId: 'o-b-organ-2', skills: [], registeredAt: new Date() } }]);
    expect(errorOf(await platform.call('org', CONTACT, { action: 'mine' })).code).toBe('FORBIDDEN');
    expectOk(await platform.call('org', ADMIN, { action: 'setPeople', orgId: 'o-b-organ-2', secretaryOpenid: STAFF_MEMBER, contactOpenid: CONTACT }));
    expect(expectOk(await platform.call<{ items: OrgSummary[] }>('org', CONTACT, { action: 'mine' })).items.map((o) => o.id)).toEqual(['o-b-organ-2']);
    expect(expectOk(await platform.call<MeView>('user', CONTACT, { action: 'me' })).leadsOrg).toBe(true);
    expect(expectOk(await platform.call<{ items: OrgSummary[] }>('org', ADMIN, { action: 'mine' })).items).toEqual([]);
  });

  it('finds a community’s 社区党组织 for anyone, in one round trip, and null where the tree has none', async () => {
    const found = await platform.call<{ org: OrgSummary | null }>('org', null, { action: 'ofCommunity', communityId: 'c-donghu-hubin' });
    expect(expectOk(found).org).toMatchObject({ id: 'o-c-hubin', name: '湖滨社区党委', type: 'community_org' });
    expect(await platform.roundTrips(found.invocationId)).toBeLessThanOrEqual(1);
    expect(expectOk(await platform.call<{ org: OrgSummary | null }>('org', null, { action: 'ofCommunity', communityId: 'c-nowhere' })).org).toBeNull();
  });

  it('needs a signed-in caller', async () => {
    expect(errorOf(await platform.call('org', null, { action: 'mine' })).code).toBe('UNAUTHENTICATED');
  });

  it('tells the member page today as the server sees it, so the target dates offered do not follow the phone’s clock', async () => {
    expect(expectOk(await platform.call<MyPledgesView>('org', MEMBER, { action: 'myPledges' }))).toMatchObject({ year: 2026, today: '2026-03-02', needsBranch: false });
  });
});
