import { z } from 'zod';
import { fileIdsSchema } from './files';
import {
  CONCLUSION_PARTS,
  EVALUATION_CRITERIA,
  MAX_MILESTONES,
  planDateIssues,
  PROJECT_TYPES,
  type EvaluationKey,
  type ProjectStatus,
  type ProjectType,
} from './project-machine';
import { idSchema, requestIdSchema, text } from './validation';

/** 党建项目 (docs/domain.md: 项目化): what an application, a progress entry, a 调度 note, 结题 and 验收 carry. */
export const PROJECT_LIMITS = {
  title: 40,
  background: 500,
  aims: 300,
  measures: 800,
  expectedResults: 300,
  milestoneTitle: 30,
  teamMember: 20,
  progress: 300,
  dispatch: 300,
  reportPart: 800,
  comment: 200,
  reason: 100,
} as const;

const projectId = idSchema('项目');
const dateSchema = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `请选择${label}`);

const milestoneSchema = z.object({ title: text('节点名称', PROJECT_LIMITS.milestoneTitle, 2), dueDate: dateSchema('节点日期') }).strict();

const planFields = {
  title: text('项目名称', PROJECT_LIMITS.title, 4),
  type: z.enum(PROJECT_TYPES, { error: '请从列表中选择项目类型' }),
  background: text('项目背景', PROJECT_LIMITS.background, 10),
  aims: text('项目目标', PROJECT_LIMITS.aims, 5),
  measures: text('主要措施', PROJECT_LIMITS.measures, 10),
  expectedResults: text('预期成效', PROJECT_LIMITS.expectedResults, 5),
  startDate: dateSchema('开始日期'),
  milestones: z
    .array(milestoneSchema, { error: '请添加推进节点' })
    .min(1, '请至少添加 1 个推进节点')
    .max(MAX_MILESTONES, `推进节点最多 ${MAX_MILESTONES} 个`),
  team: z
    .array(text('推进小组成员', PROJECT_LIMITS.teamMember, 2), { error: '请填写推进小组成员' })
    .min(1, '请至少填写 1 名推进小组成员')
    .max(9, '推进小组最多 9 人'),
};

/** The dates of a plan are ordered: each milestone after the start, none before the one above it. */
const orderedPlan = <T extends { startDate: string; milestones: { dueDate: string }[] }>(plan: T, ctx: z.RefinementCtx) => {
  for (const issue of planDateIssues(plan.startDate, plan.milestones)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
};

const score = (label: string) => z.number({ error: `请为${label}打分` }).int(`${label}应为整数`).min(0, `${label}应在 0–100 之间`).max(100, `${label}应在 0–100 之间`);

export const projectActions = {
  /** 申报: an organisation applies. */
  apply: z
    .object({ orgId: idSchema('申报组织'), ...planFields, requestId: requestIdSchema })
    .strict()
    .superRefine(orderedPlan),
  /** A returned application, corrected and sent again. */
  revise: z
    .object({ projectId, ...planFields })
    .strict()
    .superRefine(orderedPlan),
  /** 立项: the level above approves, or returns with reasons. */
  review: z
    .object({ projectId, decision: z.enum(['approve', 'return'], { error: '请选择立项或退回' }), reason: text('退回原因', PROJECT_LIMITS.reason).optional() })
    .strict()
    .refine((v) => v.decision !== 'return' || Boolean(v.reason), { message: '请填写退回原因', path: ['reason'] }),
  /** 启动. */
  start: z.object({ projectId }).strict(),
  /** 实施: progress against a milestone, optionally completing it. */
  addProgress: z
    .object({
      projectId,
      milestoneIndex: z.number({ error: '请选择推进节点' }).int('请选择推进节点').min(0, '请选择推进节点').max(MAX_MILESTONES - 1, '请选择推进节点'),
      text: text('推进情况', PROJECT_LIMITS.progress, 5),
      completes: z.boolean({ error: '请选择该节点是否完成' }).default(false),
      photos: fileIdsSchema(6).default([]),
      requestId: requestIdSchema,
    })
    .strict(),
  /** 调度: the approving level's quarterly note with the 整改 it requires. */
  dispatch: z
    .object({ projectId, text: text('调度情况', PROJECT_LIMITS.dispatch, 5), rectification: text('整改要求', PROJECT_LIMITS.dispatch, 5), requestId: requestIdSchema })
    .strict(),
  /** 结题: the report's four parts. */
  conclude: z
    .object({
      projectId,
      report: z
        .object(Object.fromEntries(CONCLUSION_PARTS.map((p) => [p.key, text(p.label, PROJECT_LIMITS.reportPart, 5)])) as Record<(typeof CONCLUSION_PARTS)[number]['key'], ReturnType<typeof text>>, { error: '请填写结题报告' })
        .strict(),
    })
    .strict(),
  /** 验收 + 评估: four scores and a comment; passing is the rule's, not the form's. */
  accept: z
    .object({
      projectId,
      scores: z.object(Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c.key, score(c.label)])) as Record<EvaluationKey, ReturnType<typeof score>>, { error: '请为四项指标打分' }).strict(),
      comment: text('验收意见', PROJECT_LIMITS.comment, 5),
    })
    .strict(),
  /** 推广: an accepted project moves up one type. */
  promote: z.object({ projectId }).strict(),
  detail: z.object({ projectId }).strict(),
  /** An organisation's own projects (its people), all statuses. */
  ofOrg: z.object({ orgId: idSchema('组织') }).strict(),
  /** The approving level's 调度 view: every project under it. */
  dispatchList: z.object({ orgId: idSchema('组织') }).strict(),
  /** 公开: approved and accepted projects of an organisation and its subtree. */
  public: z.object({ orgId: idSchema('组织') }).strict(),
  /** 五星创评 reads this: an organisation's projects accepted in a year. */
  acceptedInYear: z.object({ orgId: idSchema('组织'), year: z.number({ error: '年份必须是数字' }).int('年份必须是整数').min(2020, '年份不正确').max(2100, '年份不正确') }).strict(),
} as const;

export interface MilestoneView {
  title: string;
  dueDate: string;
  doneAt: string | null;
  overdue: boolean;
}

export interface ProjectEntryView {
  id: string;
  kind: 'progress' | 'dispatch' | 'status';
  at: string;
  byName: string;
  text: string;
  milestoneIndex: number | null;
  rectification: string | null;
  quarter: string | null;
  statusLabel: string | null;
}

export type ProjectAction = 'revise' | 'review' | 'start' | 'addProgress' | 'dispatch' | 'conclude' | 'accept' | 'promote';

/** A project as its organisation's people and the approving level see it. */
export interface ProjectView {
  id: string;
  number: string | null;
  title: string;
  type: ProjectType;
  typeLabel: string;
  status: ProjectStatus;
  statusLabel: string;
  orgId: string;
  orgName: string;
  background: string;
  aims: string;
  measures: string;
  expectedResults: string;
  startDate: string;
  milestones: MilestoneView[];
  team: string[];
  returnReason: string | null;
  report: Record<(typeof CONCLUSION_PARTS)[number]['key'], string> | null;
  evaluation: { scores: Record<EvaluationKey, number>; comment: string; passed: boolean } | null;
  promotedTo: ProjectType | null;
  overdueCount: number;
  doneCount: number;
  /** What the caller may do now (the same policies the function checks). */
  actions: ProjectAction[];
}

/** A row of a list: enough for the 调度 view and an organisation's list. */
export interface ProjectRow {
  id: string;
  number: string | null;
  title: string;
  typeLabel: string;
  status: ProjectStatus;
  statusLabel: string;
  orgName: string;
  doneCount: number;
  milestoneCount: number;
  overdue: string[];
  nextDueDate: string | null;
  lastDispatchQuarter: string | null;
}

/** 公开: what anyone sees — no people, no openids. */
export interface PublicProjectRow {
  id: string;
  number: string | null;
  title: string;
  typeLabel: string;
  statusLabel: string;
  orgName: string;
  aims: string;
}
