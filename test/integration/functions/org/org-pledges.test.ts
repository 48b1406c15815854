import type { MyPledgesView, PledgeView, PublicPledgeView } from '../../../../src/domain/pledge.schema';
import type { OrgPageView, OrgSummary } from '../../../../src/domain/organisation.schema';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { insertDocs, storedDoc } from '../../../fixtures/database';
import { requestId } from '../../../fixtures/builders';
import { ADMIN, MEMBER, RESIDENT, STAFF_MEMBER, UNIT_ADMIN } from '../../../fixtures/personas';

let platform: TestPlatform;
let clock = new Date('2026-03-02T02:00:00.000Z');

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
}, 60_000);
afterAll(() => platform?.close());

const org = <T>(openid: string | null, payload: Record<string, unknown>) => platform.call<T>('org', openid, payload);

describe('the organisation tree', () => {
  it('migrates every seeded member to a branch with nothing unmatched', async () => {
    const member = await storedDoc<{ member: { branchId: string; partyBranch: string } }>(platform, 'users', MEMBER);
    expect(member?.member).toMatchObject({ branchId: 'o-b-organ-1', partyBranch: '机关第一党支部' });
    const report = expectOk(await org<{ unmatched: unknown[] }>(ADMIN, { action: 'migrateBranches', dryRun: true }));
    expect(report.unmatched).toEqual([]);
  });

  it('lists one level in at most 2 round trips, and pages without names of people unmasked', async () => {
    const roots = await org<{ items: OrgSummary[] }>(null, { action: 'children', parentId: null });
    expect(expectOk(roots).items.map((o) => o.name)).toEqual(expect.arrayContaining(['百花洲街道党工委', '南昌市直机关工委']));
    expect(await platform.roundTrips(roots.invocationId)).toBeLessThanOrEqual(2);
    const page = await org<OrgPageView>(null, { action: 'page', orgId: 'o-b-organ-1' });
    expect(expectOk(page).org).toMatchObject({ name: '机关第一党支部', parentName: '市直机关党总支', secretaryName: '周*' });
    expect(await platform.roundTrips(page.invocationId)).toBeLessThanOrEqual(2);
    expect(JSON.stringify(expectOk(page))).not.toContain('demo-');
  });

  it('refuses a move that would make a cycle, and a wrong parent type, in Chinese', async () => {
    const cycle = errorOf(await org(ADMIN, { action: 'move', orgId: 'o-g-city-organ', parentId: 'o-b-organ-1' }));
    expect(cycle.details?.issues).toEqual([{ field: 'parentId', message: '不能把组织移动到它自己或它的下级组织之下' }]);
    const self = errorOf(await org(ADMIN, { action: 'move', orgId: 'o-u-city-organ', parentId: 'o-g-city-organ' }));
    expect(self.code).toBe('INVALID_ARGUMENT');
    const type = errorOf(await org(ADMIN, { action: 'add', type: 'community_org', name: '错层社区党委', parentId: 'o-u-city-organ', requestId: requestId('org') }));
    expect(type.details?.issues?.[0]).toEqual({ field: 'parentId', message: '社区党组织的上级只能是：街道党工委' });
    expect(errorOf(await org(MEMBER, { action: 'rename', orgId: 'o-b-organ-1', name: '改名支部' })).code).toBe('FORBIDDEN');
  });

  it('moves a subtree with its paths, merges members into the target, keeps history, and refuses to delete a node with members', async () => {
    const street = expectOk(await org<OrgSummary>(ADMIN, { action: 'add', type: 'street_committee', name: '测试街道党工委', requestId: requestId('org') }));
    const community = expectOk(await org<OrgSummary>(ADMIN, { action: 'add', type: 'community_org', name: '测试社区党委', parentId: street.id, requestId: requestId('org') }));
    const a = expectOk(await org<OrgSummary>(ADMIN, { action: 'add', type: 'branch', name: '测试甲支部', parentId: community.id, requestId: requestId('org') }));
    const b = expectOk(await org<OrgSummary>(ADMIN, { action: 'add', type: 'branch', name: '测试乙支部', parentId: 'o-c-hubin', requestId: requestId('org') }));
    await insertDocs(platform, 'users', [{ _id: 'org-test-m1', openid: 'org-test-m1', communityId: null, grants: [], createdAt: new Date(), member: { name: '赵测试', phone: '13800000001', workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委', partyBranch: '测试甲支部', branchId: a.id, skills: [] } }]);

    expectOk(await org(ADMIN, { action: 'move', orgId: community.id, parentId: 'o-st-baihuazhou' }));
    expect((await storedDoc<{ ancestors: string[] }>(platform, 'organisations', a.id))?.ancestors).toEqual(['o-st-baihuazhou', community.id]);

    const refused = errorOf(await org(ADMIN, { action: 'remove', orgId: a.id }));
    expect(refused).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('请合并') });

    expect(expectOk(await org<{ movedMembers: number }>(ADMIN, { action: 'merge', orgId: a.id, targetId: b.id })).movedMembers).toBe(1);
    expect((await storedDoc<{ member: { branchId: string; partyBranch: string } }>(platform, 'users', 'org-test-m1'))?.member).toMatchObject({ branchId: b.id, partyBranch: '测试乙支部' });
    expect(await storedDoc(platform, 'organisations', a.id)).toMatchObject({ status: 'merged', mergedInto: b.id });
    const history = expectOk(await org<{ items: { action: string }[] }>(ADMIN, { action: 'history', orgId: a.id }));
    expect(history.items.map((h) => h.action)).toEqual(['merge', 'add']);
    expect(expectOk(await org<{ removed: boolean }>(ADMIN, { action: 'remove', orgId: street.id })).removed).toBe(true);
  });
});

describe('pledges', () => {
  const pledge = (text: string) => ({ action: 'createPledge', text, category: '志愿服务', targetDate: '2026-10-31', requestId: requestId('pledge') });

  it('runs 定诺 → 亮承诺 → 践诺 → 评诺, with nobody approving their own pledge', async () => {
    clock = new Date('2026-03-02T02:00:00.000Z');
    const first = expectOk(await org<PledgeView>(MEMBER, pledge('每月到社区开展一次政策宣讲')));
    const second = expectOk(await org<PledgeView>(MEMBER, pledge('结对帮扶两户困难家庭')));
    expect([first.status, second.status]).toEqual(['pending', 'pending']);

    const own = expectOk(await org<PledgeView>(STAFF_MEMBER, pledge('做好窗口服务零投诉')));
    // 周敏 is the secretary of her own branch: still not her own pledge.
    expect(errorOf(await org(STAFF_MEMBER, { action: 'reviewPledge', pledgeId: own.id, decision: 'approve' }))).toMatchObject({ code: 'FORBIDDEN', message: '不能审核或评定自己的承诺' });
    expect(errorOf(await org(MEMBER, { action: 'reviewPledge', pledgeId: first.id, decision: 'approve' })).code).toBe('FORBIDDEN');

    const queue = expectOk(await org<{ items: PledgeView[] }>(STAFF_MEMBER, { action: 'pledgeQueue', orgId: 'o-b-organ-1', stage: 'review' }));
    expect(queue.items.map((p) => p.id).sort()).toEqual([first.id, second.id].sort());
    for (const p of [first, second]) expectOk(await org(STAFF_MEMBER, { action: 'reviewPledge', pledgeId: p.id, decision: 'approve' }));

    const wall = await org<{ items: PublicPledgeView[] }>(null, { action: 'publicPledges', orgId: 'o-u-city-organ' });
    expect(expectOk(wall).items.filter((p) => p.memberName === '李**').map((p) => p.text)).toEqual(expect.arrayContaining(['每月到社区开展一次政策宣讲', '结对帮扶两户困难家庭']));
    expect(JSON.stringify(expectOk(wall))).not.toContain('demo-member');
    expect(await platform.roundTrips(wall.invocationId)).toBeLessThanOrEqual(2);

    await insertDocs(platform, 'service_logs', [
      { _id: 'sl-pledge-1', kind: 'activity', status: 'confirmed', openid: MEMBER, memberName: '李建国', communityId: 'c-donghu-hubin', communityName: '湖滨社区', activityId: null, attendanceId: null, correctsLogId: null, supersededBy: null, type: '政策宣讲', title: '社区政策宣讲', serviceDate: '2026-04-10', year: 2026, place: '湖滨社区', beneficiaries: '居民', content: '宣讲', hours: 2, reason: null, evidence: [], rating: null, personInCharge: 'x', recorder: 'x', reviewedBy: 'demo-community-staff', reviewedByName: 'x', reviewedAt: new Date(), rejectReason: null, createdAt: new Date() },
      { _id: 'sl-pledge-other', kind: 'activity', status: 'confirmed', openid: 'someone-else', memberName: '王五', communityId: 'c-donghu-hubin', communityName: '湖滨社区', activityId: null, attendanceId: null, correctsLogId: null, supersededBy: null, type: '政策宣讲', title: '别人的', serviceDate: '2026-04-10', year: 2026, place: '湖滨社区', beneficiaries: '居民', content: '宣讲', hours: 2, reason: null, evidence: [], rating: null, personInCharge: 'x', recorder: 'x', reviewedBy: null, reviewedByName: null, reviewedAt: null, rejectReason: null, createdAt: new Date() },
    ]);
    clock = new Date('2026-04-12T02:00:00.000Z');
    const someoneElses = errorOf(await org(MEMBER, { action: 'addPledgeProgress', pledgeId: first.id, text: '完成了四月的宣讲', serviceLogIds: ['sl-pledge-other'], requestId: requestId('prog') }));
    expect(someoneElses.details?.issues).toEqual([{ field: 'serviceLogIds', message: '只能关联本人已确认的服务记录' }]);
    const progressed = expectOk(await org<PledgeView>(MEMBER, { action: 'addPledgeProgress', pledgeId: first.id, text: '完成了四月的宣讲', serviceLogIds: ['sl-pledge-1'], requestId: requestId('prog') }));
    expect(progressed.progress[0].evidence).toEqual([{ kind: 'serviceLog', id: 'sl-pledge-1', title: '2026-04-10 社区政策宣讲', hours: 2 }]);

    const early = errorOf(await org(STAFF_MEMBER, { action: 'ratePledge', pledgeId: first.id, grade: 'fulfilled', comment: '按期完成' }));
    expect(early).toMatchObject({ code: 'FAILED_PRECONDITION', message: '评诺从 2026 年 12 月 1 日开始' });
    clock = new Date('2026-12-05T02:00:00.000Z');
    expectOk(await org(STAFF_MEMBER, { action: 'ratePledge', pledgeId: first.id, grade: 'fulfilled', comment: '按期完成，群众认可' }));
    expectOk(await org(STAFF_MEMBER, { action: 'ratePledge', pledgeId: second.id, grade: 'partial', comment: '帮扶一户，另一户待续' }));
    expect(errorOf(await org(STAFF_MEMBER, { action: 'ratePledge', pledgeId: first.id, grade: 'partial', comment: '再评' })).code).toBe('CONFLICT');

    const mine = expectOk(await org<MyPledgesView>(MEMBER, { action: 'myPledges', year: 2026 }));
    expect(mine.items.map((p) => p.rating?.gradeLabel).sort()).toEqual(['已践诺', '部分践诺'].sort());
    const unit = expectOk(await org<{ items: PledgeView[] }>(UNIT_ADMIN, { action: 'unitPledges', unitId: 'u-city-organ', year: 2026 }));
    expect(unit.items.filter((p) => p.rating).length).toBe(2);
    expect(errorOf(await org(RESIDENT, { action: 'unitPledges', unitId: 'u-city-organ', year: 2026 })).code).toBe('FORBIDDEN');
  });

  it('limits a member to five pledges a year and names bad fields', async () => {
    clock = new Date('2026-05-02T02:00:00.000Z');
    const bad = errorOf(await org(MEMBER, { action: 'createPledge', text: '短', category: '闲聊', targetDate: '2027-01-05', requestId: requestId('pledge') }));
    expect(bad.details?.issues).toEqual(expect.arrayContaining([{ field: 'text', message: '承诺内容至少 5 个字' }, { field: 'category', message: '请从列表中选择承诺类别' }]));
    const late = errorOf(await org(MEMBER, { action: 'createPledge', text: '年底前完成一件事情', category: '其他', targetDate: '2027-01-05', requestId: requestId('pledge') }));
    expect(late.details?.issues).toEqual([{ field: 'targetDate', message: '目标日期应在 2026 年内' }]);
    for (let i = 0; i < 3; i++) expectOk(await org(MEMBER, { action: 'createPledge', text: `第${i + 3}项承诺内容`, category: '其他', targetDate: '2026-11-01', requestId: requestId('pledge') }));
    expect(errorOf(await org(MEMBER, { action: 'createPledge', text: '第六项承诺内容', category: '其他', targetDate: '2026-11-01', requestId: requestId('pledge') }))).toMatchObject({ code: 'FAILED_PRECONDITION', message: '每年最多作出 5 项承诺' });
  });
});

describe('organisation scope', () => {
  it('staff of one subtree see nothing of another', async () => {
    await insertDocs(platform, 'users', [{ _id: 'org-scope-staff', openid: 'org-scope-staff', communityId: null, member: null, createdAt: new Date(), grants: [{ role: 'org_staff', scopeType: 'organisation', scopeId: 'o-st-baihuazhou', scopeName: '百花洲街道党工委' }] }]);
    expect(expectOk(await org<{ items: unknown[] }>('org-scope-staff', { action: 'pledgeQueue', orgId: 'o-c-hubin', stage: 'review' })).items).toEqual([]);
    for (const orgId of ['o-u-city-organ', 'o-b-organ-1', 'o-st-chaoyangzhou']) {
      expect(errorOf(await org('org-scope-staff', { action: 'pledgeQueue', orgId, stage: 'review' })).code).toBe('FORBIDDEN');
      expect(errorOf(await org('org-scope-staff', { action: 'roster', orgId })).code).toBe('FORBIDDEN');
    }
    expect(expectOk(await org<{ items: { name: string }[] }>(STAFF_MEMBER, { action: 'roster', orgId: 'o-b-organ-1' })).items).toEqual([{ name: '李建国', workUnitName: '南昌市直机关工委' }]);
  });
});
