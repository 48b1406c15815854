/**
 * 党建项目化: 申报 → 立项 → 启动 → 实施 → 调度 → 结题 → 验收 → 评估 → 推广. The states, who moves a project
 * between them and the whole effect of each move, in one place (docs/domain.md "项目化").
 */

export const PROJECT_TYPES = ['pilot', 'demonstration', 'institution'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  pilot: '创新探索型「小试」',
  demonstration: '典型示范型「中试」',
  institution: '制度推广型「大试」',
};

/** 推广: a project that passed 验收 and 评估 may move up one type. */
export function nextProjectType(type: ProjectType): ProjectType | null {
  const i = PROJECT_TYPES.indexOf(type);
  return i + 1 < PROJECT_TYPES.length ? PROJECT_TYPES[i + 1] : null;
}

export const PROJECT_STATUSES = ['applied', 'returned', 'approved', 'started', 'concluding', 'accepted', 'failed', 'promoted'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  applied: '已申报，待立项',
  returned: '已退回，待修改',
  approved: '已立项',
  started: '实施中',
  concluding: '已结题，待验收',
  accepted: '已验收',
  failed: '验收未通过',
  promoted: '已推广',
};

/** Who acts: the applying organisation's people (`owner`) or the level above that approved it (`approver`). */
export type ProjectSide = 'owner' | 'approver';

export const PROJECT_MOVES = {
  resubmit: { from: ['returned'], to: 'applied', by: 'owner', needsReason: false },
  approve: { from: ['applied'], to: 'approved', by: 'approver', needsReason: false },
  return: { from: ['applied'], to: 'returned', by: 'approver', needsReason: true },
  start: { from: ['approved'], to: 'started', by: 'owner', needsReason: false },
  conclude: { from: ['started'], to: 'concluding', by: 'owner', needsReason: false },
  accept: { from: ['concluding'], to: 'accepted', by: 'approver', needsReason: false },
  reject: { from: ['concluding'], to: 'failed', by: 'approver', needsReason: true },
  promote: { from: ['accepted'], to: 'promoted', by: 'approver', needsReason: false },
} as const satisfies Record<string, { from: readonly ProjectStatus[]; to: ProjectStatus; by: ProjectSide; needsReason: boolean }>;
export type ProjectMove = keyof typeof PROJECT_MOVES;

export type MoveDecision =
  | { ok: true; to: ProjectStatus; needsReason: boolean; from: readonly ProjectStatus[] }
  | { ok: false; message: string };

/** Whether `move` may happen to a project in `status`; the handler writes `to` on the condition `status ∈ from`. */
export function decideProjectMove(status: ProjectStatus, move: ProjectMove): MoveDecision {
  const m = PROJECT_MOVES[move];
  if (!(m.from as readonly ProjectStatus[]).includes(status)) return { ok: false, message: `项目当前${PROJECT_STATUS_LABELS[status]}，不能进行此操作` };
  return { ok: true, to: m.to, needsReason: m.needsReason, from: m.from };
}

/** 评估: the four scores of 验收, each 0–100. */
export const EVALUATION_CRITERIA = [
  { key: 'goalRate', label: '目标实现率' },
  { key: 'satisfaction', label: '群众满意率' },
  { key: 'benefit', label: '综合效益' },
  { key: 'replicability', label: '可推广性' },
] as const;
export type EvaluationKey = (typeof EVALUATION_CRITERIA)[number]['key'];

/** The pass mark of 评估: the mean of the four, and no criterion below 60. */
export const EVALUATION_PASS = 60;

export function evaluationPasses(scores: Record<EvaluationKey, number>): boolean {
  const values = EVALUATION_CRITERIA.map((c) => scores[c.key]);
  return values.every((v) => v >= EVALUATION_PASS) && values.reduce((a, b) => a + b, 0) / values.length >= EVALUATION_PASS;
}

/** 结题报告's four parts. */
export const CONCLUSION_PARTS = [
  { key: 'overview', label: '概况' },
  { key: 'implementation', label: '实施情况' },
  { key: 'results', label: '成果经验' },
  { key: 'assessment', label: '评价建议' },
] as const;

export interface Milestone {
  title: string;
  /** Shanghai calendar date YYYY-MM-DD. */
  dueDate: string;
  doneAt?: string | null;
}

/** A milestone is overdue when its date has passed (Shanghai) and no progress entry completed it. */
export const isOverdue = (m: Milestone, today: string) => !m.doneAt && m.dueDate < today;

/** 项目编号: the approving year and a sequence within it, e.g. DJ2026-007. */
export const projectNumber = (year: number, sequence: number) => `DJ${year}-${String(sequence).padStart(3, '0')}`;

/** At most this many milestones: the plan stays one screen and the project one document. */
export const MAX_MILESTONES = 12;

/**
 * Why a plan's dates are wrong, per field: every milestone after the project's start and each on or after the one
 * before (`milestones.<i>.dueDate`, the path the form shows the message under).
 */
export function planDateIssues(startDate: string, milestones: readonly Pick<Milestone, 'dueDate'>[]): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  milestones.forEach((m, i) => {
    if (m.dueDate <= startDate) issues.push({ field: `milestones.${i}.dueDate`, message: `第 ${i + 1} 个节点的日期应在项目开始日期（${startDate}）之后` });
    else if (i > 0 && m.dueDate < milestones[i - 1].dueDate) issues.push({ field: `milestones.${i}.dueDate`, message: `第 ${i + 1} 个节点的日期不能早于第 ${i} 个节点` });
  });
  return issues;
}

/** Projects that have started and not yet been accepted are the ones 调度 follows and reminders chase. */
export const RUNNING_STATUSES = ['approved', 'started'] as const satisfies readonly ProjectStatus[];

/** 公开: what anyone may see of an organisation's projects — once approved, and never an application or a return. */
export const PUBLIC_STATUSES = ['approved', 'started', 'concluding', 'accepted', 'promoted'] as const satisfies readonly ProjectStatus[];

/** A reminder goes out when an undone milestone is due within this many days (and not overdue yet). */
export const REMIND_DAYS_AHEAD = 7;

/** The first undone milestone's date: what the reminder timer queries by (null when all are done). */
export const nextDueDate = (milestones: readonly Milestone[]): string | null =>
  milestones.filter((m) => !m.doneAt).reduce<string | null>((min, m) => (min === null || m.dueDate < min ? m.dueDate : min), null);

/** 调度 is quarterly: the quarter a note belongs to, e.g. 2026Q2 (Shanghai dates). */
export const quarterOf = (date: string) => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
