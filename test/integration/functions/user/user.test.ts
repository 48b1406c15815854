import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { sdkFor } from '../../../helpers/emulator-sdk';
import { monthsAhead } from '../../../../src/domain/stat-period';
import type { CommunityView, MeView, MemberProfileView, PersonMatch } from '../../../../src/domain/user.schema';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(() => platform?.close());

const validProfile = (overrides: Record<string, unknown> = {}) => ({
  name: '王小明',
  phone: '13812345678',
  workUnitId: 'u-city-organ',
  partyBranch: '机关第二党支部',
  skills: ['政策宣讲'],
  requestId: `req-${Math.random().toString(36).slice(2, 12)}`,
  ...overrides,
});

describe('me', () => {
  it('needs a signed-in caller', async () => {
    expect(errorOf(await platform.call('user', null, { action: 'me' })).code).toBe('UNAUTHENTICATED');
  });

  it('shows a new person as a resident with no profile', async () => {
    const me = expectOk(await platform.call<MeView>('user', 'fresh-person-1', { action: 'me' }));
    expect(me).toMatchObject({ openid: 'fresh-person-1', roles: ['resident'], profile: null, community: null });
  });

  it('shows staff their scoped grants', async () => {
    const me = expectOk(await platform.call<MeView>('user', 'demo-community-staff', { action: 'me' }));
    expect(me.roles).toEqual(expect.arrayContaining(['resident', 'community_staff']));
    expect(me.grants).toEqual([{ role: 'community_staff', scopeType: 'community', scopeId: 'c-donghu-hubin', scopeName: '湖滨社区' }]);
    expect(me.community?.name).toBe('湖滨社区');
  });
});

describe('registerMember', () => {
  it('registers a member whose own view shows the full phone', async () => {
    const profile = expectOk(await platform.call<MemberProfileView>('user', 'new-member-a', { action: 'registerMember', ...validProfile() }));
    expect(profile).toMatchObject({ name: '王小明', phone: '13812345678', workUnitName: '南昌市直机关工委' });
    const me = expectOk(await platform.call<MeView>('user', 'new-member-a', { action: 'me' }));
    expect(me.roles).toContain('member');
    expect(me.profile?.phone).toBe('13812345678');
  });

  it('names the field and why when the phone is wrong', async () => {
    const error = errorOf(await platform.call('user', 'new-member-b', { action: 'registerMember', ...validProfile({ phone: '1234' }) }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues).toEqual([{ field: 'phone', message: '手机号应为 11 位数字，以 13–19 开头' }]);
    expect(expectOk(await platform.call<MeView>('user', 'new-member-b', { action: 'me' })).profile).toBeNull();
  });

  it('refuses unknown fields, including an identity smuggled in the payload', async () => {
    const error = errorOf(await platform.call('user', 'new-member-c', { action: 'registerMember', ...validProfile(), openid: 'demo-admin' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(error.details)).toContain('openid');
  });

  it('refuses a work unit that does not exist, writing nothing', async () => {
    const error = errorOf(await platform.call('user', 'new-member-d', { action: 'registerMember', ...validProfile({ workUnitId: 'u-missing' }) }));
    expect(error.code).toBe('NOT_FOUND');
    expect(expectOk(await platform.call<MeView>('user', 'new-member-d', { action: 'me' })).profile).toBeNull();
  });

  it('writes once when the same registration is sent twice with one request id', async () => {
    const payload = { action: 'registerMember', ...validProfile({ requestId: 'same-request-0001' }) };
    const [first, second] = await Promise.all([platform.call('user', 'new-member-e', payload), platform.call('user', 'new-member-e', payload)]);
    expect(expectOk(second)).toEqual(expectOk(first));
    const third = expectOk(await platform.call<MemberProfileView>('user', 'new-member-e', { ...payload, name: '换个名字' }));
    expect(third.name).toBe('王小明');
    const log = await platform.emulator.database.handle('database.calculateDocument', {
      collectionName: 'request_log',
      query: JSON.stringify({ openid: 'new-member-e' }),
      queryType: 'WHERE',
    });
    expect((log as { data: { total: number } }).data.total).toBe(1);
  });
});

describe('listCommunities', () => {
  it('lists nearest first with distances when given a point, without logging in', async () => {
    const near东湖 = { latitude: 28.6822, longitude: 115.9012 };
    const { items } = expectOk(await platform.call<{ items: CommunityView[] }>('user', null, { action: 'listCommunities', ...near东湖 }));
    expect(items[0].name).toBe('湖滨社区');
    expect(items[0].distance).toBeGreaterThan(100);
    expect(items[0].distance).toBeLessThan(120);
    expect(items.map((c) => c.distance)).toEqual([...items.map((c) => c.distance)].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it('refuses a latitude out of range', async () => {
    const error = errorOf(await platform.call('user', null, { action: 'listCommunities', latitude: 123, longitude: 115 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details?.issues?.[0].field).toBe('latitude');
  });
});

describe('community member list', () => {
  it("shows that community's staff members' names and phones, and refuses a resident and another community's staff", async () => {
    // On the roll by a confirmed 报到 (100 m north of 湖滨社区's point, inside its fence).
    expectOk(await platform.call('checkin', 'demo-member', { action: 'report', communityId: 'c-donghu-hubin', latitude: 28.6812 + 100 / 111_195, longitude: 115.9012, accuracy: 20, coordSystem: 'gcj02' }));
    expectOk(await platform.call('checkin', 'demo-community-staff', { action: 'reviewCheckin', memberOpenid: 'demo-member', decision: 'confirm' }));
    const staff = expectOk(await platform.call<{ items: MemberProfileView[] }>('user', 'demo-community-staff', { action: 'listCommunityMembers', communityId: 'c-donghu-hubin' }));
    expect(staff.items.find((m) => m.openid === 'demo-member')).toMatchObject({ name: '李建国', phone: '13907911234' });
    const resident = errorOf(await platform.call('user', 'demo-resident', { action: 'listCommunityMembers', communityId: 'c-donghu-hubin' }));
    expect(resident).toMatchObject({ code: 'FORBIDDEN', message: '只有本社区工作人员可以查看社区党员名单' });
    const other = errorOf(await platform.call('user', 'demo-other-community-staff', { action: 'listCommunityMembers', communityId: 'c-donghu-hubin' }));
    expect(other.code).toBe('FORBIDDEN');
  });
});

describe('admin console', () => {
  it('finds people by part of the name or the phone tail, masked, so a role is granted without typing an openid', async () => {
    const byTail = expectOk(await platform.call<{ items: PersonMatch[] }>('user', 'demo-admin', { action: 'searchPeople', query: '1234' }));
    expect(byTail.items).toContainEqual(expect.objectContaining({ openid: 'demo-member', name: '李**', phone: '139****1234' }));
    const byName = expectOk(await platform.call<{ items: PersonMatch[] }>('user', 'demo-admin', { action: 'searchPeople', query: '建国' }));
    expect(byName.items.map((p) => p.openid)).toContain('demo-member');
    expect(JSON.stringify(byName)).not.toContain('李建国');
    expect(errorOf(await platform.call('user', 'demo-community-staff', { action: 'searchPeople', query: '1234' }))).toMatchObject({ code: 'FORBIDDEN', message: '只有系统管理员可以查找用户' });
  });

  it('refuses a second unit of the same name under the name field', async () => {
    expectOk(await platform.call('user', 'demo-admin', { action: 'createUnit', name: '南昌市青山湖区委组织部', requestId: 'dup-unit-0001' }));
    const twice = errorOf(await platform.call('user', 'demo-admin', { action: 'createUnit', name: '南昌市青山湖区委组织部', requestId: 'dup-unit-0002' }));
    expect(twice).toMatchObject({ code: 'INVALID_ARGUMENT', message: '已有名为「南昌市青山湖区委组织部」的单位，请勿重复添加' });
    expect(twice.details?.issues).toEqual([{ field: 'name', message: '已有名为「南昌市青山湖区委组织部」的单位，请勿重复添加' }]);
  });

  it('says which choice is missing when nothing was chosen', async () => {
    const error = errorOf(await platform.call('user', 'demo-admin', { action: 'grantRole', openid: 'demo-member', role: '', scopeType: '', scopeId: 'x' }));
    expect(error.details?.issues).toEqual([
      { field: 'role', message: '请选择角色' },
      { field: 'scopeType', message: '请选择范围类型' },
    ]);
    const wrong = errorOf(await platform.call('user', 'demo-admin', { action: 'grantRole', openid: 'demo-member', role: 'community_staff', scopeType: 'planet', scopeId: 'x' }));
    expect(wrong.details?.issues).toEqual([{ field: 'scopeType', message: '范围类型不正确' }]);
  });
});

describe('admin actions', () => {
  it('refuses a resident with FORBIDDEN and writes nothing', async () => {
    const error = errorOf(await platform.call('user', 'demo-resident', { action: 'createUnit', name: '越权单位', requestId: 'forbidden-0001' }));
    expect(error.code).toBe('FORBIDDEN');
    const { items } = expectOk(await platform.call<{ items: { name: string }[] }>('user', null, { action: 'listUnits' }));
    expect(items.map((u) => u.name)).not.toContain('越权单位');
  });

  it('lets an admin create a community and grant a scoped staff role', async () => {
    const community = expectOk(
      await platform.call<CommunityView>('user', 'demo-admin', {
        action: 'createCommunity',
        name: '新建社区',
        district: '青山湖区',
        street: '京东镇',
        streetId: 'st-jingdong',
        address: '南昌市青山湖区京东大道',
        latitude: 28.7,
        longitude: 115.95,
        radius: 600,
        requestId: 'create-community-0001',
      }),
    );
    expect(community).toMatchObject({ name: '新建社区', radius: 600 });
    expectOk(await platform.call('user', 'demo-admin', { action: 'grantRole', openid: 'staff-new', role: 'community_staff', scopeType: 'community', scopeId: community.id }));
    const me = expectOk(await platform.call<MeView>('user', 'staff-new', { action: 'me' }));
    expect(me.grants).toEqual([{ role: 'community_staff', scopeType: 'community', scopeId: community.id, scopeName: '新建社区' }]);
  });

  it('makes the statistics documents of a new community and unit for this month and the next at once', async () => {
    const community = expectOk(
      await platform.call<CommunityView>('user', 'demo-admin', {
        action: 'createCommunity', name: '计数社区', district: '青山湖区', street: '京东镇', streetId: 'st-jingdong', address: '南昌市青山湖区京东大道 1 号', latitude: 28.7, longitude: 115.95, radius: 600, requestId: 'counter-community-0001',
      }),
    );
    const unit = expectOk(await platform.call<{ id: string }>('user', 'demo-admin', { action: 'createUnit', name: '计数单位', requestId: 'counter-unit-0001' }));
    const [month, next] = monthsAhead(new Date());
    const counters = sdkFor(platform.emulatorUrl).database().collection('stat_counters');
    const ids = async (scopeId: string) => ((await counters.where({ scopeId }).get()).data as { _id: string }[]).map((d) => d._id).sort();
    expect(await ids(community.id)).toEqual([`community:${community.id}:${month}`, `community:${community.id}:${next}`, `community:${community.id}:total`].sort());
    expect(await ids(unit.id)).toEqual([`unit:${unit.id}:${month}`, `unit:${unit.id}:${next}`]);
  });

  it('refuses a grant whose scope does not fit the role', async () => {
    const error = errorOf(await platform.call('user', 'demo-admin', { action: 'grantRole', openid: 'x-user', role: 'unit_admin', scopeType: 'community', scopeId: 'c-donghu-hubin' }));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('refuses a radius outside 100–3000 m with a Chinese message', async () => {
    const error = errorOf(
      await platform.call('user', 'demo-admin', {
        action: 'createCommunity', name: '半径过大', district: '东湖区', street: '街道', streetId: 'st-x', address: '地址', latitude: 28.7, longitude: 115.9, radius: 5000, requestId: 'radius-check-0001',
      }),
    );
    expect(error.details?.issues).toEqual([{ field: 'radius', message: '围栏半径不能大于 3000 米' }]);
  });
});
