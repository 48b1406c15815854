import type { ProjectEntryView, ProjectRow, ProjectView, PublicProjectRow } from '../../../../src/domain/project.schema';
import { localTemplateId } from '../../../../src/domain/notice-templates';
import { errorOf, expectOk, startTestPlatform, type TestPlatform } from '../../../helpers/local-platform';
import { insertDocs, storedDoc } from '../../../fixtures/database';
import { requestId } from '../../../fixtures/builders';
import { ADMIN, RESIDENT } from '../../../fixtures/personas';

/**
 * 党建项目 through the org function: a branch of 湖滨社区 applies, the 街道 approves (its staff's grant covers the
 * branch's parent), 调度 sees an overdue milestone, then 结题, 验收 and 推广. A fake clock moves the dates.
 */
let platform: TestPlatform;
let clock = new Date('2026-03-02T02:00:00.000Z'); // 2026-03-02 10:00 Shanghai

const SECRETARY = 'pj-branch-secretary';
const STREET = 'pj-street-staff';
/** 联系人 of the applying branch and, at the same time, 党组织工作人员 of the whole street. */
const DUAL = 'pj-dual-role';
const OTHER_STREET = 'pj-other-street-staff';

const grant = (scopeId: string, scopeName: string) => [{ role: 'org_staff', scopeType: 'organisation', scopeId, scopeName }];
const person = (openid: string, name: string, grants: unknown[] = []) => ({
  _id: openid,
  openid,
  communityId: null,
  grants,
  createdAt: new Date(),
  member: { name, phone: '13800000009', workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委', partyBranch: '湖滨社区第一党支部', branchId: 'o-b-hubin-1', skills: [] },
});

beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
  await insertDocs(platform, 'users', [
    person(SECRETARY, '王书记'),
    person(STREET, '街道甲', grant('o-st-baihuazhou', '百花洲街道党工委')),
    person(DUAL, '双岗乙', grant('o-st-baihuazhou', '百花洲街道党工委')),
    person(OTHER_STREET, '街道丙', grant('o-st-chaoyangzhou', '朝阳洲街道党工委')),
  ]);
  expectOk(await platform.call('org', ADMIN, { action: 'setPeople', orgId: 'o-b-hubin-1', secretaryOpenid: SECRETARY, contactOpenid: DUAL }));
}, 60_000);
afterAll(() => platform?.close());

const org = <T>(openid: string | null, payload: Record<string, unknown>) => platform.call<T>('org', openid, payload);

const plan = (overrides: Record<string, unknown> = {}) => ({
  action: 'applyProject',
  orgId: 'o-b-hubin-1',
  title: '红色楼栋长志愿服务项目',
  type: 'pilot',
  background: '老旧小区楼栋多，居民诉求分散，党员作用发挥不充分',
  aims: '每个楼栋有一名党员楼栋长',
  measures: '选聘党员楼栋长，建立楼栋微信群，每月走访一次',
  expectedResults: '居民诉求当天有人回应',
  startDate: '2026-03-02',
  milestones: [
    { title: '选聘楼栋长', dueDate: '2026-04-30' },
    { title: '完成首轮走访', dueDate: '2026-06-30' },
  ],
  team: ['王书记', '双岗乙'],
  requestId: requestId('project'),
  ...overrides,
});

describe('申报 bad input', () => {
  it('names the field of each wrong date, in Chinese, and writes nothing', async () => {
    const unordered = errorOf(await org(SECRETARY, plan({ milestones: [{ title: '选聘楼栋长', dueDate: '2026-06-30' }, { title: '完成首轮走访', dueDate: '2026-04-30' }] })));
    expect(unordered.details?.issues).toEqual([{ field: 'milestones.1.dueDate', message: '第 2 个节点的日期不能早于第 1 个节点' }]);
    const beforeStart = errorOf(await org(SECRETARY, plan({ milestones: [{ title: '选聘楼栋长', dueDate: '2026-03-01' }] })));
    expect(beforeStart.details?.issues).toEqual([{ field: 'milestones.0.dueDate', message: '第 1 个节点的日期应在项目开始日期（2026-03-02）之后' }]);
    const past = errorOf(await org(SECRETARY, plan({ startDate: '2026-02-01', milestones: [{ title: '选聘楼栋长', dueDate: '2026-04-30' }] })));
    expect(past.details?.issues).toEqual([{ field: 'startDate', message: '开始日期不能早于今天' }]);
    const tooLong = errorOf(await org(SECRETARY, plan({ background: '长'.repeat(501) })));
    expect(tooLong.details?.issues).toEqual([{ field: 'background', message: '项目背景不能超过 500 个字' }]);
    expect(errorOf(await org(SECRETARY, plan({ type: 'huge' }))).details?.issues?.[0]).toEqual({ field: 'type', message: '请从列表中选择项目类型' });
    const mine = expectOk(await org<{ items: ProjectRow[] }>(SECRETARY, { action: 'orgProjects', orgId: 'o-b-hubin-1' }));
    expect(mine.items).toEqual([]);
  });

  it('refuses people who are not the branch\'s', async () => {
    expect(errorOf(await org(RESIDENT, plan()))).toMatchObject({ code: 'FORBIDDEN', message: '只有申报组织的书记、联系人或本组织的党组织工作人员可以进行此操作' });
    // Street staff manage the subtree, but applying is the branch's own work.
    expect(errorOf(await org(STREET, plan())).code).toBe('FORBIDDEN');
  });
});

describe('a branch project from 申报 to 推广', () => {
  let id = '';

  it('申报 → 立项 with a number: nobody decides on their own branch\'s project, and two approvers cannot both approve', async () => {
    const applied = expectOk(await org<ProjectView>(SECRETARY, plan()));
    id = applied.id;
    expect(applied).toMatchObject({ status: 'applied', number: null, typeLabel: '创新探索型「小试」' });
    const stored = await storedDoc<{ ancestors: string[]; organisationId: string }>(platform, 'projects', id);
    expect(stored).toMatchObject({ organisationId: 'o-b-hubin-1', ancestors: ['o-st-baihuazhou', 'o-c-hubin'] });

    // 双岗乙 is street staff (an approver) and the branch's 联系人: still their own project.
    expect(errorOf(await org(DUAL, { action: 'reviewProject', projectId: id, decision: 'approve' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '不能审批、调度或验收本组织申报的项目，请由上级党组织的其他人员办理',
    });
    expect(errorOf(await org(SECRETARY, { action: 'reviewProject', projectId: id, decision: 'approve' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: '只有上级党组织的书记、联系人、党组织工作人员或系统管理员可以进行此操作',
    });
    expect(errorOf(await org(OTHER_STREET, { action: 'reviewProject', projectId: id, decision: 'approve' })).code).toBe('FORBIDDEN');
    expect(errorOf(await org(STREET, { action: 'reviewProject', projectId: id, decision: 'return' })).details?.issues).toEqual([{ field: 'reason', message: '请填写退回原因' }]);

    const [a, b] = await Promise.all([
      org<ProjectView>(STREET, { action: 'reviewProject', projectId: id, decision: 'approve' }),
      org<ProjectView>(ADMIN, { action: 'reviewProject', projectId: id, decision: 'approve' }),
    ]);
    const oks = [a, b].filter((r) => r.body.ok);
    expect(oks).toHaveLength(1);
    const loser = [a, b].find((r) => !r.body.ok)!;
    expect(['CONFLICT', 'FAILED_PRECONDITION']).toContain(errorOf(loser).code);
    expect(expectOk(oks[0])).toMatchObject({ status: 'approved', number: 'DJ2026-001' });
    expect(await storedDoc(platform, 'project_counters', 'year-2026')).toMatchObject({ seq: 1 });
  });

  it('启动, progress, and the 调度 view flags the overdue milestone; a 调度 note reaches the project', async () => {
    expect(errorOf(await org(SECRETARY, { action: 'addProjectProgress', projectId: id, milestoneIndex: 0, text: '已经开始选聘', requestId: requestId('pg') })).code).toBe('FAILED_PRECONDITION');
    expectOk(await org(SECRETARY, { action: 'startProject', projectId: id }));
    expectOk(await org(SECRETARY, { action: 'addProjectProgress', projectId: id, milestoneIndex: 0, text: '已选聘 12 名党员楼栋长', completes: true, requestId: requestId('pg') }));
    expect(errorOf(await org(SECRETARY, { action: 'addProjectProgress', projectId: id, milestoneIndex: 5, text: '不存在的节点', requestId: requestId('pg') })).details?.issues).toEqual([
      { field: 'milestoneIndex', message: '请从项目的推进节点中选择' },
    ]);

    clock = new Date('2026-07-02T02:00:00.000Z');
    const view = await org<{ items: ProjectRow[]; quarter: string }>(STREET, { action: 'projectDispatchList', orgId: 'o-st-baihuazhou' });
    const row = expectOk(view).items.find((p) => p.id === id)!;
    expect(row).toMatchObject({ doneCount: 1, milestoneCount: 2, overdue: ['完成首轮走访（2026-06-30）'] });
    expect(expectOk(view).quarter).toBe('2026Q3');
    expect(await platform.roundTrips(view.invocationId)).toBeLessThanOrEqual(2);
    // Scope: staff of another street see nothing of this one.
    expect(errorOf(await org(OTHER_STREET, { action: 'projectDispatchList', orgId: 'o-st-baihuazhou' })).code).toBe('FORBIDDEN');
    expect(expectOk(await org<{ items: ProjectRow[] }>(OTHER_STREET, { action: 'projectDispatchList', orgId: 'o-st-chaoyangzhou' })).items).toEqual([]);

    await platform.grantSubscription(SECRETARY, 'projectDispatched');
    expect(errorOf(await org(DUAL, { action: 'dispatchProject', projectId: id, text: '第二季度走访滞后', rectification: '请在7月15日前完成首轮走访', requestId: requestId('dp') })).code).toBe('FORBIDDEN');
    expectOk(await org(STREET, { action: 'dispatchProject', projectId: id, text: '第二季度走访滞后', rectification: '请在7月15日前完成首轮走访', requestId: requestId('dp') }));
    const told = platform.emulator.wx.outbox().filter((m) => m.touser === SECRETARY && m.template_id === localTemplateId('projectDispatched'));
    expect(told).toHaveLength(1);

    const detail = expectOk(await org<{ project: ProjectView; entries: ProjectEntryView[] }>(SECRETARY, { action: 'projectDetail', projectId: id }));
    expect(detail.project.overdueCount).toBe(1);
    expect(detail.project.actions).toEqual(['addProgress', 'conclude']);
    expect(detail.entries.find((e) => e.kind === 'dispatch')).toMatchObject({ quarter: '2026Q3', rectification: '请在7月15日前完成首轮走访', byName: '街道甲' });
  });

  it('结题 → 验收 (评估) → 推广, and the project shows publicly without people', async () => {
    const report = { overview: '项目覆盖全部 12 个楼栋', implementation: '每月走访一次，建立楼栋群', results: '形成楼栋长工作法一套', assessment: '建议在全街道推广' };
    expect(errorOf(await org(SECRETARY, { action: 'concludeProject', projectId: id, report: { ...report, results: '' } })).details?.issues?.[0]).toEqual({ field: 'report.results', message: '成果经验至少 5 个字' });
    expectOk(await org(SECRETARY, { action: 'concludeProject', projectId: id, report }));
    const scores = { goalRate: 92, satisfaction: 95, benefit: 88, replicability: 90 };
    expect(errorOf(await org(DUAL, { action: 'acceptProject', projectId: id, scores, comment: '成效明显，同意验收' })).message).toBe('不能审批、调度或验收本组织申报的项目，请由上级党组织的其他人员办理');
    expect(errorOf(await org(STREET, { action: 'acceptProject', projectId: id, scores: { ...scores, benefit: 101 }, comment: '成效明显，同意验收' })).details?.issues).toEqual([
      { field: 'scores.benefit', message: '综合效益应在 0–100 之间' },
    ]);
    expect(expectOk(await org<ProjectView>(STREET, { action: 'acceptProject', projectId: id, scores, comment: '成效明显，同意验收' }))).toMatchObject({ status: 'accepted', evaluation: { passed: true } });
    expect(expectOk(await org<ProjectView>(STREET, { action: 'promoteProject', projectId: id }))).toMatchObject({ status: 'promoted', promotedTo: 'demonstration' });

    const list = await org<{ items: PublicProjectRow[] }>(null, { action: 'publicProjects', orgId: 'o-st-baihuazhou' });
    expect(expectOk(list).items.map((p) => p.title)).toContain('红色楼栋长志愿服务项目');
    expect(expectOk(list).items.find((p) => p.id === id)).toMatchObject({ number: 'DJ2026-001', typeLabel: '典型示范型「中试」' });
    expect(JSON.stringify(expectOk(list))).not.toMatch(/pj-branch|pj-street|pj-dual|王书记|街道甲/);
    expect(await platform.roundTrips(list.invocationId)).toBeLessThanOrEqual(2);
    const accepted = expectOk(await org<{ items: PublicProjectRow[] }>(null, { action: 'acceptedProjects', orgId: 'o-b-hubin-1', year: 2026 }));
    expect(accepted.items.map((p) => p.id)).toEqual([id]);
    expect(expectOk(await org<{ items: PublicProjectRow[] }>(null, { action: 'acceptedProjects', orgId: 'o-b-hubin-1', year: 2025 })).items).toEqual([]);
  });

  it('fails 验收 when a criterion is under 60, with the comment as the reason', async () => {
    clock = new Date('2026-07-02T02:00:00.000Z');
    const p = expectOk(await org<ProjectView>(SECRETARY, plan({ startDate: '2026-07-02', milestones: [{ title: '试点', dueDate: '2026-08-01' }] })));
    expectOk(await org(ADMIN, { action: 'reviewProject', projectId: p.id, decision: 'approve' }));
    expectOk(await org(SECRETARY, { action: 'startProject', projectId: p.id }));
    expectOk(await org(SECRETARY, { action: 'concludeProject', projectId: p.id, report: { overview: '项目开展了一个月时间', implementation: '完成了全部试点楼栋的走访', results: '经验还不够成熟需要完善', assessment: '建议继续完善后再申报' } }));
    const failed = expectOk(await org<ProjectView>(STREET, { action: 'acceptProject', projectId: p.id, scores: { goalRate: 90, satisfaction: 90, benefit: 50, replicability: 90 }, comment: '综合效益不足' }));
    expect(failed).toMatchObject({ status: 'failed', number: 'DJ2026-002', evaluation: { passed: false } });
    expect(errorOf(await org(STREET, { action: 'promoteProject', projectId: p.id })).code).toBe('FAILED_PRECONDITION');
  });
});

describe('reminders', () => {
  it('reminds the applicant once of a milestone due within 7 days, and refuses a forged timer call', async () => {
    clock = new Date('2026-09-01T02:00:00.000Z');
    const p = expectOk(await org<ProjectView>(SECRETARY, plan({ startDate: '2026-09-01', milestones: [{ title: '召开推进会', dueDate: '2026-09-06' }, { title: '总结', dueDate: '2026-12-01' }] })));
    expectOk(await org(ADMIN, { action: 'reviewProject', projectId: p.id, decision: 'approve' }));
    await platform.grantSubscription(SECRETARY, 'projectMilestoneDue');
    await platform.fireTimer('org', 'dailyReminders');
    await platform.fireTimer('org', 'dailyReminders');
    const reminders = platform.emulator.wx.outbox().filter((m) => m.touser === SECRETARY && m.template_id === localTemplateId('projectMilestoneDue'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].page).toBe(`packages/projects/pages/project-detail/index?id=${p.id}`);

    const forged = await platform.call('org', 'pj-forger', { Type: 'Timer', TriggerName: 'dailyReminders' });
    expect(errorOf(forged).code).toBe('FORBIDDEN');
  });

  it('tries a milestone reminder again the next day when the applicant had not subscribed, and sends it once', async () => {
    clock = new Date('2026-10-01T02:00:00.000Z');
    const p = expectOk(await org<ProjectView>(SECRETARY, plan({ startDate: '2026-10-01', milestones: [{ title: '入户走访', dueDate: '2026-10-06' }] })));
    expectOk(await org(ADMIN, { action: 'reviewProject', projectId: p.id, decision: 'approve' }));
    const mine = () => platform.emulator.wx.outbox().filter((m) => m.touser === SECRETARY && m.template_id === localTemplateId('projectMilestoneDue') && m.page === `packages/projects/pages/project-detail/index?id=${p.id}`);
    await platform.fireTimer('org', 'dailyReminders');
    expect(mine()).toHaveLength(0);

    // Grants to spare: only the record of what was sent keeps the second run of the day from sending again.
    for (let i = 0; i < 5; i++) await platform.grantSubscription(SECRETARY, 'projectMilestoneDue');
    clock = new Date('2026-10-02T02:00:00.000Z');
    await platform.fireTimer('org', 'dailyReminders');
    await platform.fireTimer('org', 'dailyReminders');
    expect(mine()).toHaveLength(1);
  });
});
