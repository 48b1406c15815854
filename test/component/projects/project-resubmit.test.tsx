import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ProjectView } from '@/domain/project.schema';
import { ProjectApplyForm } from '@/features/projects/project-apply-form';
import { ProjectDetail } from '@/features/projects/project-detail';
import { answerCalls, Taro } from '../platform';

/** A returned (退回) application: reached from its detail, its fields filled in, 重新申报 after a confirmation. */
beforeEach(() => jest.clearAllMocks());

const returned = (overrides: Partial<ProjectView> = {}): ProjectView => ({
  id: 'pj-1',
  number: null,
  title: '红色楼栋长志愿服务项目',
  type: 'pilot',
  typeLabel: '创新探索型「小试」',
  status: 'returned',
  statusLabel: '已退回',
  orgId: 'o-b-hubin-1',
  orgName: '湖滨社区第一党支部',
  background: '老旧小区楼栋多，居民诉求分散',
  aims: '每个楼栋有一名党员楼栋长',
  measures: '选聘党员楼栋长，每月走访一次',
  expectedResults: '居民诉求当天有人回应',
  startDate: '2026-03-02',
  milestones: [{ title: '选聘楼栋长', dueDate: '2026-04-30', doneAt: null, overdue: false }],
  team: ['王书记', '双岗乙'],
  returnReason: '措施不够具体，请补充走访安排',
  report: null,
  evaluation: null,
  promotedTo: null,
  overdueCount: 0,
  doneCount: 0,
  actions: ['revise'],
  ...overrides,
});

const valueOf = (container: HTMLElement, hook: string) => (container.querySelector(`.e2e-input-${hook} input, .e2e-input-${hook} textarea`) as HTMLInputElement).value;
const errorUnder = (container: HTMLElement, field: string) => container.querySelector(`[class~="e2e-error-${field}"]`)?.textContent ?? null;

describe('the project detail', () => {
  it('offers 修改后重新申报 when the server says the viewer may revise, and opens the form', () => {
    render(<ProjectDetail detail={{ project: returned(), entries: [] }} onDone={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: '修改后重新申报' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/projects/pages/resubmit/index?id=pj-1' });
  });

  it('offers nothing to someone who may not revise', () => {
    render(<ProjectDetail detail={{ project: returned({ actions: [] }), entries: [] }} onDone={jest.fn()} />);
    expect(screen.queryByRole('button', { name: '修改后重新申报' })).toBeNull();
  });
});

describe('the resubmit form', () => {
  it('holds the returned application with its reason, and sends the correction after 重新申报 is confirmed', async () => {
    const sent = answerCalls(() => ({ data: { ...returned(), status: 'applied', actions: [] } }));
    const { container } = render(<ProjectApplyForm orgId="o-b-hubin-1" returned={returned()} />);
    expect(screen.queryByText('退回原因：措施不够具体，请补充走访安排')).not.toBeNull();
    expect(valueOf(container, 'title')).toBe('红色楼栋长志愿服务项目');
    expect(valueOf(container, 'measures')).toBe('选聘党员楼栋长，每月走访一次');
    expect(valueOf(container, 'milestone-0')).toBe('选聘楼栋长');
    expect(valueOf(container, 'team')).toBe('王书记、双岗乙');

    fireEvent.change(container.querySelector('.e2e-input-measures textarea') as HTMLTextAreaElement, { target: { value: '选聘党员楼栋长，每月第一周走访每户' } });
    fireEvent.click(screen.getByRole('button', { name: '重新申报' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '重新申报', confirmText: '重新申报' }));
    expect(sent[0]).toEqual({
      fn: 'org',
      action: 'reviseProject',
      payload: {
        projectId: 'pj-1',
        title: '红色楼栋长志愿服务项目',
        type: 'pilot',
        background: '老旧小区楼栋多，居民诉求分散',
        aims: '每个楼栋有一名党员楼栋长',
        measures: '选聘党员楼栋长，每月第一周走访每户',
        expectedResults: '居民诉求当天有人回应',
        startDate: '2026-03-02',
        milestones: [{ title: '选聘楼栋长', dueDate: '2026-04-30' }],
        team: ['王书记', '双岗乙'],
      },
    });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/projects/pages/project-detail/index?id=pj-1' }));
  });

  it('sends nothing when the confirmation is declined', async () => {
    const sent = answerCalls(() => ({ data: returned() }));
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true } as never);
    render(<ProjectApplyForm orgId="o-b-hubin-1" returned={returned()} />);
    fireEvent.click(screen.getByRole('button', { name: '重新申报' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(sent).toEqual([]);
  });

  it('shows each refused field beside it', async () => {
    answerCalls(() => ({
      error: {
        code: 'INVALID_ARGUMENT',
        message: '请按提示修改后再提交',
        details: { issues: [{ field: 'milestones.0.dueDate', message: '第 1 个节点的日期应在项目开始日期（2026-03-02）之后' }, { field: 'aims', message: '项目目标至少 5 个字' }] },
      },
    }));
    const { container } = render(<ProjectApplyForm orgId="o-b-hubin-1" returned={returned()} />);
    fireEvent.click(screen.getByRole('button', { name: '重新申报' }));
    await waitFor(() => expect(errorUnder(container, 'milestones.0.dueDate')).toBe('第 1 个节点的日期应在项目开始日期（2026-03-02）之后'));
    expect(errorUnder(container, 'aims')).toBe('项目目标至少 5 个字');
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
