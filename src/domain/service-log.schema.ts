import type { PhotoMark } from './media-check';
import { z } from 'zod';
import { activityTypeSchema } from './activity.schema';
import type { ActivityType } from './activity-types';
import { fileIdsSchema } from './files';
import { parseShanghaiDate } from './shanghai-time';
import { idSchema, requestIdSchema, text } from './validation';

/** 服务纪实 after the national record rules (民政部《志愿服务记录与证明出具办法》, docs/domain.md §2). */
export const SERVICE_LOG_STATUSES = ['pending', 'confirmed', 'rejected', 'superseded'] as const;
export type ServiceLogStatus = (typeof SERVICE_LOG_STATUSES)[number];

export const SERVICE_LOG_STATUS_LABELS: Record<ServiceLogStatus, string> = {
  pending: '待确认',
  confirmed: '已确认',
  rejected: '未通过',
  superseded: '已被补录更正',
};

/** activity: from a check-out; self_reported: service outside an activity; correction: 补录 of an activity's hours. */
export const SERVICE_LOG_KINDS = ['activity', 'self_reported', 'correction'] as const;
export type ServiceLogKind = (typeof SERVICE_LOG_KINDS)[number];

export const SERVICE_LOG_KIND_LABELS: Record<ServiceLogKind, string> = { activity: '活动签到', self_reported: '自主服务', correction: '补录' };

export const QUALITY_RATINGS = ['excellent', 'good', 'pass'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];
export const QUALITY_RATING_LABELS: Record<QualityRating, string> = { excellent: '优秀', good: '良好', pass: '合格' };

/** A single self-reported entry is one day's service. */
export const MAX_SELF_REPORTED_HOURS = 12;

const halfHours = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .positive(`${label}应大于 0`)
    .max(max, `${label}不能超过 ${max} 小时`)
    .refine((v) => Number.isInteger(v * 2), `${label}按 0.5 小时计，如 1.5`);

export const serviceDateSchema = z
  .string({ error: '请填写服务日期' })
  .trim()
  .refine((v) => parseShanghaiDate(v) !== null, '服务日期格式应为 2025-06-01');

export const evidenceSchema = fileIdsSchema(6, '证明照片').min(1, '请上传至少 1 张证明照片');

/** What the person fills in for a 补录 (the form checks with this; the action adds what it refers to). */
export const correctionFields = z
  .object({
    // The activity's length is the real cap; the handler checks it with the activity loaded.
    hours: halfHours('补录时长', 24),
    reason: text('补录原因', 200, 4),
    evidence: evidenceSchema,
  })
  .strict();

export const serviceLogActions = {
  reportService: z
    .object({
      communityId: idSchema('社区'),
      type: activityTypeSchema,
      title: text('服务名称', 30, 2),
      serviceDate: serviceDateSchema,
      place: text('服务地点', 60),
      beneficiaries: text('服务对象', 60),
      content: text('服务内容', 300),
      // 四进四联 台账 (the unit's ledger of visits): optional, a visit is not every service.
      visited: text('走访对象', 60).optional(),
      heard: text('听取意见', 200).optional(),
      solved: text('解决问题', 200).optional(),
      hours: halfHours('服务时长', MAX_SELF_REPORTED_HOURS),
      evidence: evidenceSchema,
      requestId: requestIdSchema,
    })
    .strict(),
  /** 补录: either corrects an existing log of an activity, or claims an activity signed up for but not checked in. */
  requestCorrection: correctionFields
    .extend({ logId: idSchema('原记录').optional(), activityId: idSchema('活动').optional(), requestId: requestIdSchema })
    .strict()
    .refine((v) => (v.logId === undefined) !== (v.activityId === undefined), { message: '请指明要更正的记录或活动（二选一）', path: ['logId'] }),
  pendingLogs: z.object({ communityId: idSchema('社区') }).strict(),
  reviewLog: z
    .object({
      logId: idSchema('服务记录'),
      decision: z.enum(['confirm', 'reject'], { error: '请选择确认或退回' }),
      rating: z.enum(QUALITY_RATINGS, { error: '请选择服务质量评价' }).optional(),
      reason: text('退回原因', 100).optional(),
    })
    .strict()
    .refine((v) => v.decision === 'confirm' || Boolean(v.reason), { message: '退回时请填写原因', path: ['reason'] }),
  myRecord: z
    .object({ year: z.number({ error: '年份必须是数字' }).int('年份必须是整数').min(2000, '年份不正确').max(2100, '年份不正确').optional() })
    .strict(),
} as const;

export interface ServiceLogView {
  id: string;
  kind: ServiceLogKind;
  kindLabel: string;
  status: ServiceLogStatus;
  statusLabel: string;
  memberOpenid: string;
  memberName: string;
  communityId: string;
  communityName: string;
  activityId: string | null;
  correctsLogId: string | null;
  type: ActivityType;
  typeLabel: string;
  title: string;
  serviceDate: string;
  place: string;
  beneficiaries: string;
  content: string;
  /** 走访对象, 听取意见, 解决问题 of a self-reported visit; null when not given. */
  visited?: string | null;
  heard?: string | null;
  solved?: string | null;
  hours: number;
  reason: string | null;
  evidence: { fileId: string; url: string | null }[];
  /** URL → 审核中/未通过审核, on evidence photos WeChat has not passed yet (src/domain/media-check.ts). */
  photoMarks: Record<string, PhotoMark>;
  rating: QualityRating | null;
  personInCharge: string;
  recorder: string;
  reviewedByName: string | null;
  rejectReason: string | null;
  createdAt: string;
}

export interface ServiceTotalsView {
  hours: number;
  activities: number;
  points: number;
  byType: { type: ActivityType; label: string; hours: number }[];
}

export interface MyRecordView {
  year: number | null;
  /** Years with confirmed service, newest first, for the filter. */
  years: number[];
  totals: ServiceTotalsView;
  items: ServiceLogView[];
}
