import { z } from 'zod';
import { fileIdsSchema } from './files';
import { PLEDGE_CATEGORIES, PLEDGE_GRADES, type PledgeCategory, type PledgeGrade, type PledgeStatus } from './pledge';
import { idSchema, requestIdSchema, text } from './validation';

export const PLEDGE_TEXT_MAX = 200;
export const PROGRESS_TEXT_MAX = 300;

const pledgeId = idSchema('承诺');
const dateSchema = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `请选择${label}`);
const yearSchema = z.number({ error: '年份必须是数字' }).int('年份必须是整数').min(2020, '年份不正确').max(2100, '年份不正确');

export const pledgeActions = {
  /** 定诺 starts here: a member pledges, for this year. */
  create: z
    .object({
      text: text('承诺内容', PLEDGE_TEXT_MAX, 5),
      category: z.enum(PLEDGE_CATEGORIES, { error: '请从列表中选择承诺类别' }),
      targetDate: dateSchema('目标日期'),
      requestId: requestIdSchema,
    })
    .strict(),
  /** A returned pledge, corrected and sent again. */
  revise: z
    .object({ pledgeId, text: text('承诺内容', PLEDGE_TEXT_MAX, 5), category: z.enum(PLEDGE_CATEGORIES, { error: '请从列表中选择承诺类别' }), targetDate: dateSchema('目标日期') })
    .strict(),
  mine: z.object({ year: yearSchema.optional() }).strict(),
  /** 亮承诺 on an organisation's page (a branch, or a community's organisation and all its branches). */
  public: z.object({ orgId: idSchema('组织') }).strict(),
  /** The unit's view (一单一表): its members' pledges of a year with their 评诺. */
  unit: z.object({ unitId: idSchema('单位'), year: yearSchema }).strict(),
  /** The reviewer's queue of one organisation's subtree: pending (定诺) or approved and not yet rated (评诺). */
  queue: z.object({ orgId: idSchema('组织'), stage: z.enum(['review', 'rate'], { error: '请选择待办类型' }), year: yearSchema.optional() }).strict(),
  review: z
    .object({ pledgeId, decision: z.enum(['approve', 'return'], { error: '请选择通过或退回' }), reason: text('退回原因', 100).optional() })
    .strict()
    .refine((v) => v.decision !== 'return' || Boolean(v.reason), { message: '请填写退回原因', path: ['reason'] }),
  /** 践诺: progress with photos and evidence of one's own confirmed service hours or closed wishes. */
  addProgress: z
    .object({
      pledgeId,
      text: text('践诺情况', PROGRESS_TEXT_MAX, 5),
      photos: fileIdsSchema(6).default([]),
      serviceLogIds: z.array(idSchema('服务记录'), { error: '服务记录必须是列表' }).max(5, '最多关联 5 条服务记录').default([]),
      wishIds: z.array(idSchema('心愿'), { error: '心愿必须是列表' }).max(5, '最多关联 5 个心愿').default([]),
      requestId: requestIdSchema,
    })
    .strict(),
  /** 评诺 at year end. */
  rate: z.object({ pledgeId, grade: z.enum(PLEDGE_GRADES, { error: '请选择评定结果' }), comment: text('评语', 100) }).strict(),
  /** What a member can link as evidence: their own confirmed service logs and closed wishes of the year. */
  evidenceOptions: z.object({ pledgeId }).strict(),
} as const;

export interface EvidenceRef {
  kind: 'serviceLog' | 'wish';
  id: string;
  title: string;
  /** Hours of a service log; 0 for a wish. */
  hours: number;
}

export interface ProgressView {
  at: string;
  text: string;
  photos: string[];
  evidence: EvidenceRef[];
}

export interface RatingView {
  grade: PledgeGrade;
  gradeLabel: string;
  comment: string;
  at: string;
}

/** The member's own pledge, or a reviewer's view of it (full name: the reviewer is staff of the branch). */
export interface PledgeView {
  id: string;
  year: number;
  memberName: string;
  branchId: string;
  branchName: string;
  text: string;
  category: PledgeCategory;
  targetDate: string;
  status: PledgeStatus;
  statusLabel: string;
  returnReason: string | null;
  progress: ProgressView[];
  rating: RatingView | null;
}

/** 亮承诺: an approved pledge as anyone sees it, name masked, no openid. */
export interface PublicPledgeView {
  id: string;
  year: number;
  memberName: string;
  branchName: string;
  text: string;
  category: PledgeCategory;
  targetDate: string;
  progressCount: number;
  rating: RatingView | null;
}

export interface MyPledgesView {
  year: number;
  items: PledgeView[];
  /** No branch chosen yet: the member picks one in the profile first. */
  needsBranch: boolean;
  remaining: number;
  /** Today (Shanghai) as the server sees it: the target dates offered start after it, whatever the phone's clock says. */
  today: string;
}
