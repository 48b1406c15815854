import type { OrgSummary } from '../../../../src/domain/organisation.schema';
import type { MyPledgesView } from '../../../../src/domain/pledge.schema';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { ADMIN, MEMBER, STAFF_MEMBER, STREET_STAFF } from '../../../fixtures/personas';

let platform: TestPlatform;
const clock = new Date('2026-03-02T02:00:00.000Z');

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
}, 60_000);
afterAll(() => platform?.close());

describe('org.mine: where a secretary or 党组织工作人员 starts', () => {
  it('lists the branches a person is secretary of, then a granted subtree, in at most 2 round trips', async () => {
    const led = await platform.call<{ items: OrgSummary[] }>('org', STAFF_MEMBER, { action: 'mine' });
    expect(expectOk(led).items.map((o) => o.id).sort()).toEqual(['o-b-organ-1', 'o-b-organ-2']);
    expect(await platform.roundTrips(led.invocationId)).toBeLessThanOrEqual(2);

    expect(expectOk(await platform.call<{ items: OrgSummary[] }>('org', STREET_STAFF, { action: 'mine' })).items).toEqual([]);
    expectOk(await platform.call('user', ADMIN, { action: 'grantRole', openid: STREET_STAFF, role: 'org_staff', scopeType: 'organisation', scopeId: 'o-st-baihuazhou' }));
    const granted = await platform.call<{ items: OrgSummary[] }>('org', STREET_STAFF, { action: 'mine' });
    expect(expectOk(granted).items.map((o) => o.name)).toEqual(['百花洲街道党工委']);
    expect(await platform.roundTrips(granted.invocationId)).toBeLessThanOrEqual(2);
  });

  it('needs a signed-in caller', async () => {
    expect(errorOf(await platform.call('org', null, { action: 'mine' })).code).toBe('UNAUTHENTICATED');
  });

  it('tells the member page today as the server sees it, so the target dates offered do not follow the phone’s clock', async () => {
    expect(expectOk(await platform.call<MyPledgesView>('org', MEMBER, { action: 'myPledges' }))).toMatchObject({ year: 2026, today: '2026-03-02', needsBranch: false });
  });
});
