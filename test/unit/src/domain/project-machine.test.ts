import { decideProjectMove, evaluationPasses, isOverdue, nextDueDate, nextProjectType, planDateIssues, projectNumber, quarterOf } from '../../../../src/domain/project-machine';

describe('project moves', () => {
  it('goes 申报 → 立项 → 启动 → 结题 → 验收 → 推广 and refuses moves out of order in Chinese', () => {
    expect(decideProjectMove('applied', 'approve')).toMatchObject({ ok: true, to: 'approved' });
    expect(decideProjectMove('approved', 'start')).toMatchObject({ ok: true, to: 'started' });
    expect(decideProjectMove('started', 'conclude')).toMatchObject({ ok: true, to: 'concluding' });
    expect(decideProjectMove('concluding', 'accept')).toMatchObject({ ok: true, to: 'accepted' });
    expect(decideProjectMove('accepted', 'promote')).toMatchObject({ ok: true, to: 'promoted' });
    expect(decideProjectMove('applied', 'accept')).toEqual({ ok: false, message: '项目当前已申报，待立项，不能进行此操作' });
    expect(decideProjectMove('promoted', 'promote').ok).toBe(false);
  });

  it('needs a reason to return an application or fail an acceptance', () => {
    expect(decideProjectMove('applied', 'return')).toMatchObject({ ok: true, needsReason: true });
    expect(decideProjectMove('concluding', 'reject')).toMatchObject({ ok: true, needsReason: true, to: 'failed' });
  });
});

describe('project rules', () => {
  it('promotes 小试 → 中试 → 大试 and no further', () => {
    expect(nextProjectType('pilot')).toBe('demonstration');
    expect(nextProjectType('demonstration')).toBe('institution');
    expect(nextProjectType('institution')).toBeNull();
  });

  it('passes 评估 only with every criterion and the mean at 60 or more', () => {
    expect(evaluationPasses({ goalRate: 80, satisfaction: 70, benefit: 60, replicability: 90 })).toBe(true);
    expect(evaluationPasses({ goalRate: 100, satisfaction: 100, benefit: 59, replicability: 100 })).toBe(false);
  });

  it('flags a milestone overdue after its date unless done, and numbers projects per year', () => {
    expect(isOverdue({ title: 'a', dueDate: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isOverdue({ title: 'a', dueDate: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ title: 'a', dueDate: '2026-11-30', doneAt: '2026-11-29' }, '2026-12-05')).toBe(false);
    expect(projectNumber(2026, 7)).toBe('DJ2026-007');
  });
});

describe('plan dates', () => {
  it('wants every milestone after the start and none before the one above it, naming the milestone', () => {
    expect(planDateIssues('2026-03-01', [{ dueDate: '2026-04-01' }, { dueDate: '2026-04-01' }])).toEqual([]);
    expect(planDateIssues('2026-03-01', [{ dueDate: '2026-03-01' }])).toEqual([{ field: 'milestones.0.dueDate', message: '第 1 个节点的日期应在项目开始日期（2026-03-01）之后' }]);
    expect(planDateIssues('2026-03-01', [{ dueDate: '2026-05-01' }, { dueDate: '2026-04-01' }])).toEqual([{ field: 'milestones.1.dueDate', message: '第 2 个节点的日期不能早于第 1 个节点' }]);
  });

  it('follows the first undone milestone and the quarter of a date', () => {
    expect(nextDueDate([{ title: 'a', dueDate: '2026-04-01', doneAt: '2026-03-30' }, { title: 'b', dueDate: '2026-06-01' }])).toBe('2026-06-01');
    expect(nextDueDate([{ title: 'a', dueDate: '2026-04-01', doneAt: '2026-03-30' }])).toBeNull();
    expect([quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual(['2026Q1', '2026Q2', '2026Q4']);
  });
});
