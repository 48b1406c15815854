import { z } from 'zod';
import { fileIdsSchema } from './files';
import type { LedgerTable } from './ledger-table';
import type { PhotoMark } from './media-check';
import type { SheetStatus, StarStatus } from './star-cycle';
import { RULE_KINDS, SHEET_POINTS_MAX, SHEET_RULES_MAX, SHEET_TEXT_MAX } from './star-sheet';
import type { UpgradeStatus } from './star-upgrade';
import { DIRECT_DOWNGRADES, type DirectDowngrade, type QuotaUse, type Score, type StarSheet, type Stars } from './star-rating';
import { idSchema, requestIdSchema, text } from './validation';

/** The domains the 星级评定情况统计表 counts by. */
export const STAR_DOMAINS = ['机关事业单位', '社区', '企业', '农村', '其他'] as const;
export type StarDomain = (typeof STAR_DOMAINS)[number];

export const STAR_REASON_MAX = 200;
export const STAR_NOTE_MAX = 500;

const orgId = idSchema('组织');
const branchId = idSchema('党支部');
const yearSchema = z.number({ error: '年份必须是数字' }).int('年份必须是整数').min(2020, '年份不正确').max(2100, '年份不正确');
const starsSchema = z.number({ error: '请选择星级' }).int('请选择星级').min(1, '请选择星级').max(5, '请选择星级');
const cycle = { orgId, year: yearSchema };
const halfSchema = z.union([z.literal(1), z.literal(2)], { error: '请选择上半年或下半年' });
const branchCycle = { branchId, year: yearSchema };

/** A deduction: points and reason are checked against the year's sheet by `assessmentIssues` (the sheet is data). */
const deduction = z
  .object({
    itemKey: z.string({ error: '请选择评分项目' }).max(40, '评分项目不正确'),
    ruleCode: z.string({ error: '评分办法不正确' }).max(60, '评分办法不正确').optional(),
    points: z.number({ error: '扣分必须是数字' }),
    reason: z.string({ error: '请写明扣分理由' }).trim().max(STAR_REASON_MAX, `扣分理由不能超过 ${STAR_REASON_MAX} 个字`),
  })
  .strict();

const evidence = z.object({ itemKey: z.string({ error: '请选择评分项目' }).max(40, '评分项目不正确'), photos: fileIdsSchema(6, '佐证材料') }).strict();

const scoring = {
  deductions: z.array(deduction, { error: '扣分必须是列表' }).max(40, '扣分最多 40 条'),
  bonus: z.number({ error: '加分必须是数字' }).default(0),
  proposedStars: starsSchema,
  /** Needed when the proposed star is below what the score allows. */
  starReason: z.string({ error: '理由必须是文本' }).trim().max(STAR_REASON_MAX, `理由不能超过 ${STAR_REASON_MAX} 个字`).default(''),
};

export const starActions = {
  /** The rating organisation opens a year: the sheet is frozen and every branch under it starts 自评. */
  openCycle: z.object(cycle).strict(),
  /** One branch's assessment of a year with the sheet and reference figures (its secretary, reviewers, raters). */
  assessment: z.object(branchCycle).strict(),
  /** 支部自评: saved as a draft, or submitted to the level above. */
  selfAssess: z
    .object({
      ...branchCycle,
      ...scoring,
      evidence: z.array(evidence, { error: '佐证材料必须是列表' }).max(8, '佐证材料最多 8 组').default([]),
      domain: z.enum(STAR_DOMAINS, { error: '请选择所属领域' }),
      situation: text('基本情况', STAR_NOTE_MAX),
      submit: z.boolean({ error: '请选择保存或提交' }),
    })
    .strict(),
  /** 上级党委审核: a score per item with reasons, the direct-downgrade conditions with evidence, the collective decision. */
  review: z
    .object({
      ...branchCycle,
      decision: z.enum(['approve', 'return'], { error: '请选择审核通过或退回' }),
      returnReason: text('退回原因', STAR_REASON_MAX).optional(),
      ...scoring,
      downgrades: z
        .array(z.object({ code: z.enum(DIRECT_DOWNGRADES.map((d) => d.code) as [DirectDowngrade, ...DirectDowngrade[]], { error: '请选择直接定级情形' }), evidence: text('情形依据', STAR_REASON_MAX) }).strict(), { error: '直接定级情形必须是列表' })
        .max(4, '直接定级情形最多 4 项')
        .default([]),
      collectiveDecision: text('党委集体研究意见', STAR_NOTE_MAX),
      problems: text('主要问题', STAR_NOTE_MAX),
      measures: text('整改措施', STAR_NOTE_MAX),
    })
    .strict()
    .refine((v) => v.decision !== 'return' || Boolean(v.returnReason), { message: '请填写退回原因', path: ['returnReason'] }),
  /** The rating organisation's overview: its branches, proposed stars and the quota use. */
  overview: z.object(cycle).strict(),
  /** 评定: the set of reviewed branches' stars, confirmed at once (quotas are about the set); 公示 opens. */
  rate: z
    .object({
      ...cycle,
      ratings: z
        .array(z.object({ branchId, stars: starsSchema, reason: z.string({ error: '理由必须是文本' }).trim().max(STAR_REASON_MAX, `理由不能超过 ${STAR_REASON_MAX} 个字`).default('') }).strict(), { error: '评定结果必须是列表' })
        .min(1, '请至少评定一个党支部')
        .max(200, '一次最多评定 200 个党支部'),
    })
    .strict(),
  /** 公示 on the organisation's public page. */
  publicList: z.object(cycle).strict(),
  /** 异议: anyone signed in, while the branch is on 公示. */
  object: z.object({ ...branchCycle, reason: text('异议理由', STAR_REASON_MAX, 5), requestId: requestIdSchema }).strict(),
  /** The rating organisation's list of objections, with the objectors' names. */
  objections: z.object(cycle).strict(),
  answerObjection: z
    .object({ objectionId: idSchema('异议'), outcome: z.enum(['upheld', 'dismissed'], { error: '请选择处理结果' }), reply: text('答复', STAR_REASON_MAX, 5) })
    .strict(),
  /** 降级摘星 between cycles: the rating organisation lowers a rated branch's star when a direct-downgrade condition arises. */
  downgrade: z
    .object({
      ...branchCycle,
      stars: starsSchema,
      code: z.enum(DIRECT_DOWNGRADES.map((d) => d.code) as [DirectDowngrade, ...DirectDowngrade[]], { error: '请选择直接定级情形' }),
      reason: text('摘星理由', STAR_REASON_MAX, 5),
    })
    .strict(),
  /** 星级评定情况统计表 or 五星创评工作台账 on screen. */
  table: z.object({ ...cycle, table: z.enum(['statistics', 'ledger'], { error: '请选择表格' }) }).strict(),
  /** The same tables, or one branch's 申报表, as .xlsx. */
  exportTable: z
    .object({ ...cycle, table: z.enum(['statistics', 'ledger', 'application'], { error: '请选择表格' }), branchId: branchId.optional() })
    .strict()
    .refine((v) => v.table !== 'application' || Boolean(v.branchId), { message: '请选择党支部', path: ['branchId'] }),
  /** The rating organisation's 报送 of a half-year (src/domain/star-report.ts), and whether it has reported. */
  starReport: z.object({ ...cycle, half: halfSchema }).strict(),
  reportStarStatistics: z.object({ ...cycle, half: halfSchema, requestId: requestIdSchema.optional() }).strict(),
  /** The level above: which rating organisations under `orgId` (all of them for the admin, without one) have reported. */
  starReports: z.object({ orgId: orgId.optional(), year: yearSchema, half: halfSchema }).strict(),
  /** The caller's 五星创评 to-do list of a year (自评, 审核, 评定), for the workbench entry. */
  myStarWork: z.object({ year: yearSchema }).strict(),
} as const;

export interface StarScoring {
  deductions: { itemKey: string; ruleCode?: string; points: number; reason: string }[];
  bonus: number;
  proposedStars: Stars;
  starReason: string;
  score: Score;
  at: string;
  byName: string;
}

export interface StarAssessmentView {
  branchId: string;
  ratingOrgId: string;
  branchName: string;
  year: number;
  status: StarStatus | 'final';
  statusLabel: string;
  domain: StarDomain;
  sheet: StarSheet;
  self: (StarScoring & { situation: string; evidence: { itemKey: string; photos: string[] }[] }) | null;
  review: (StarScoring & { downgrades: { code: DirectDowngrade; evidence: string }[]; collectiveDecision: string; problems: string; measures: string }) | null;
  returnReason: string | null;
  stars: Stars | null;
  publicityEndsAt: string | null;
  /** Beside each item: what the system knows (加分: accepted innovation projects). */
  references: { itemKey: string; label: string; value: string }[];
  hasRecognisedProject: boolean;
  /** Every step of the year (自评, 审核, 评定, 异议, 摘星), without who took it. */
  history: { at: string; step: string; note: string }[];
  /** What the caller may do now. */
  can: { selfAssess: boolean; review: boolean };
}

export interface StarOverviewRow {
  branchId: string;
  branchName: string;
  status: StarStatus | 'final';
  statusLabel: string;
  proposedStars: Stars | null;
  allowedStars: Stars | null;
  stars: Stars | null;
  total: number | null;
}

export interface StarOverview {
  orgName: string;
  year: number;
  opened: boolean;
  rows: StarOverviewRow[];
  quotas: QuotaUse[];
}

export interface PublicStarRow {
  branchId: string;
  branchName: string;
  stars: Stars;
  starsLabel: string;
  status: 'publicised' | 'objected' | 'final';
  statusLabel: string;
  publicityEndsAt: string | null;
  objections: { id: string; objector: string; reason: string; reply: string | null; outcomeLabel: string | null; at: string }[];
}

export interface StarObjectionView {
  id: string;
  branchId: string;
  branchName: string;
  objectorName: string;
  reason: string;
  outcome: 'upheld' | 'dismissed' | null;
  reply: string | null;
  at: string;
}

export interface StarTableView {
  table: LedgerTable;
}

export interface StarReportView {
  periodLabel: string;
  /** The 报送 of this half-year, or null. */
  submission: { submittedAt: string; submittedByName: string } | null;
  /** The caller may report now (the cycle is open and this half has not been reported). */
  canSubmit: boolean;
}

export interface StarReportRow {
  orgId: string;
  orgName: string;
  submitted: boolean;
  submittedAt: string | null;
}

/** Refining a year's sheet while it is a draft (src/domain/star-sheet.ts checks it against the standard's items). */
const ruleEdit = z
  .object({
    code: z.string({ error: '评分办法编号不正确' }).max(60, '评分办法编号不正确').optional(),
    text: text('评分办法', SHEET_TEXT_MAX),
    points: z.number({ error: '扣分必须是数字' }),
    kind: z.enum(RULE_KINDS, { error: '请选择扣分方式' }),
  })
  .strict();
const itemEdit = z
  .object({
    key: z.string({ error: '评分项目不正确' }).max(40, '评分项目不正确'),
    scoringPoints: z.array(text('评分要点', SHEET_TEXT_MAX), { error: '评分要点必须是列表' }).min(1, '至少要有一条评分要点').max(SHEET_POINTS_MAX, `评分要点最多 ${SHEET_POINTS_MAX} 条`),
    rules: z.array(ruleEdit, { error: '评分办法必须是列表' }).min(1, '至少要有一条评分办法').max(SHEET_RULES_MAX, `评分办法最多 ${SHEET_RULES_MAX} 条`),
  })
  .strict();

export const starSheetActions = {
  /** The year's sheet: the draft, or the frozen one once 自评 opened, or what the year starts from. */
  sheet: z.object(cycle).strict(),
  saveSheet: z.object({ ...cycle, items: z.array(itemEdit, { error: '评分项目必须是列表' }).max(20, '评分项目不正确') }).strict(),
} as const;

export interface StarSheetView {
  orgName: string;
  year: number;
  /** draft: editable; frozen: 自评 has opened. */
  status: SheetStatus;
  /** Where an unsaved year's sheet comes from (上一年度评分表 / 参考标准); null once saved. */
  source: string | null;
  sheet: StarSheet;
}

/** 升级增星 between cycles: the branch's secretary applies, the rating organisation decides. */
export const starUpgradeActions = {
  apply: z
    .object({ ...branchCycle, reason: text('申请理由', STAR_NOTE_MAX, 5), evidence: fileIdsSchema(6, '佐证材料').default([]), requestId: requestIdSchema })
    .strict(),
  decide: z
    .object({ upgradeId: idSchema('升级申请'), decision: z.enum(['approve', 'refuse'], { error: '请选择同意或不同意' }), reason: text('审批意见', STAR_REASON_MAX, 2) })
    .strict(),
  /** The rating organisation's applications of a year's cycle. */
  list: z.object(cycle).strict(),
  /** One branch's applications with their outcome (its people, the reviewing level, the rating organisation). */
  branchList: z.object(branchCycle).strict(),
} as const;

export interface StarUpgradeView {
  id: string;
  branchId: string;
  branchName: string;
  year: number;
  fromStars: Stars;
  toStars: Stars;
  reason: string;
  /** The evidence photos; `url` null for one this viewer may not see (yet), as the image check decides. */
  evidence: { fileId: string; url: string | null }[];
  /** URL → 审核中 / 未通过审核 for the photos shown before the image check passed them (src/domain/media-check.ts). */
  photoMarks: Record<string, PhotoMark>;
  status: UpgradeStatus;
  statusLabel: string;
  decisionReason: string | null;
  at: string;
  decidedAt: string | null;
}
