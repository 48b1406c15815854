import type { PhotoMark } from './media-check';
import { z } from 'zod';
import { fileIdsSchema } from './files';
import { idSchema, requestIdSchema, text } from './validation';

/** 网络问政 (docs/domain.md §4): categories with their answer limits in working days; simple ones get 3. */
export const QA_CATEGORIES = [
  { name: '政策咨询', answerDays: 3 },
  { name: '办事指南', answerDays: 3 },
  { name: '社区治理', answerDays: 5 },
  { name: '环境卫生', answerDays: 5 },
  { name: '物业管理', answerDays: 5 },
  { name: '矛盾纠纷', answerDays: 5 },
  { name: '党建工作', answerDays: 5 },
  { name: '意见建议', answerDays: 5 },
  { name: '其他', answerDays: 5 },
] as const;
export type QaCategory = (typeof QA_CATEGORIES)[number]['name'];
const CATEGORY_NAMES = QA_CATEGORIES.map((c) => c.name) as [QaCategory, ...QaCategory[]];

export const ACCEPT_WORKING_DAYS = 1;

export const QUESTION_STATUSES = ['submitted', 'accepted', 'answered', 'closed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  submitted: '待受理',
  accepted: '办理中',
  answered: '已答复',
  closed: '已办结',
};

export const RATINGS = ['满意', '基本满意', '不满意'] as const;
export type Rating = (typeof RATINGS)[number];

export const ORG_TYPES = ['community', 'unit'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const QUESTION_PHOTO_MAX = 6;
const questionId = idSchema('问题');

export const askInput = z
  .object({
    title: text('标题', 40, 4),
    content: text('问题内容', 1000, 10),
    category: z.enum(CATEGORY_NAMES, { error: '请从列表中选择问题类别' }),
    /** Defaults to the community the asker lives in. */
    communityId: idSchema('提问对象').optional(),
    photos: fileIdsSchema(QUESTION_PHOTO_MAX).default([]),
    isPublic: z.boolean({ error: '是否公开须为是或否' }).default(true),
    /** How staff address the asker; public views show it masked (张*). */
    askerName: z.string({ error: '称呼必须是文本' }).trim().max(10, '称呼不能超过 10 个字').default(''),
  })
  .strict();
export type AskInput = z.infer<typeof askInput>;

const isoDate = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`);

export const qaActions = {
  ask: askInput.extend({ requestId: requestIdSchema }).strict(),
  mine: z.object({}).strict(),
  get: z.object({ id: questionId }).strict(),
  inbox: z.object({}).strict(),
  accept: z.object({ id: questionId }).strict(),
  answer: z
    .object({ id: questionId, content: text('答复内容', 1000, 5), photos: fileIdsSchema(QUESTION_PHOTO_MAX).default([]), requestId: requestIdSchema })
    .strict(),
  transfer: z
    .object({
      id: questionId,
      toType: z.enum(ORG_TYPES, { error: '请选择转交给社区还是单位' }),
      toId: idSchema('转交对象'),
      reason: text('转交理由', 200, 4),
    })
    .strict(),
  acceptTransfer: z.object({ id: questionId }).strict(),
  declineTransfer: z.object({ id: questionId, reason: text('退回理由', 200, 4) }).strict(),
  escalate: z.object({ id: questionId }).strict(),
  followUp: z.object({ id: questionId, content: text('追问内容', 500, 5), requestId: requestIdSchema }).strict(),
  rate: z
    .object({ id: questionId, rating: z.enum(RATINGS, { error: '请选择满意、基本满意或不满意' }), comment: text('评价说明', 200).optional(), requestId: requestIdSchema })
    .strict(),
  publicList: z.object({ communityId: idSchema('社区') }).strict(),
  figures: z
    .object({ communityId: idSchema('社区'), from: isoDate('开始日期'), to: isoDate('结束日期') })
    .strict()
    .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] }),
} as const;

export interface OrgRef {
  type: OrgType;
  id: string;
  name: string;
}

export type ThreadKind = 'accepted' | 'answered' | 'followed_up' | 'rated' | 'reopened' | 'transfer_requested' | 'transfer_accepted' | 'transfer_declined' | 'escalated';

export interface ThreadEntryView {
  kind: ThreadKind;
  at: string;
  /** Who acted, as others may see it: the asker (masked in public), an organisation's name, or 系统. */
  by: string;
  text?: string;
  photos?: PhotoView[];
}

export interface PhotoView {
  fileId: string;
  url: string;
}

export interface QuestionSummary {
  id: string;
  title: string;
  category: QaCategory;
  status: QuestionStatus;
  communityName: string;
  handlerName: string;
  askedAt: string;
  /** The deadline to meet next (受理 or 答复), while the question is open. */
  dueAt: string | null;
  /** 预计: `dueAt` was counted over a year whose holiday table is not entered yet. */
  dueProvisional: boolean;
  overdue: boolean;
  escalated: boolean;
  rating: Rating | null;
}

export interface InboxItem extends QuestionSummary {
  askerName: string;
  /** A transfer to the viewer's desk waits for them to accept it. */
  transferToName: string | null;
  needsReview: boolean;
}

export interface QuestionView extends QuestionSummary {
  content: string;
  askerName: string;
  isPublic: boolean;
  photos: PhotoView[];
  /** URL → 审核中/未通过审核, on the asker's and staff's own unchecked photos (src/domain/media-check.ts). */
  photoMarks: Record<string, PhotoMark>;
  streetName: string;
  acceptDueAt: string;
  answerDueAt: string;
  acceptDueProvisional: boolean;
  answerDueProvisional: boolean;
  followedUp: boolean;
  reopened: boolean;
  transfer: { toName: string; reason: string; at: string } | null;
  thread: ThreadEntryView[];
  /** What the viewer may do, so the page shows only the buttons that will work. */
  /** How the viewer stands, and the moves they may make now (policy and machine both allow them): the buttons. */
  viewer: { isAsker: boolean; canHandle: boolean; canReceiveTransfer: boolean; actions: QuestionAction[] };
}

export interface PublicQuestion {
  id: string;
  title: string;
  content: string;
  category: QaCategory;
  askerName: string;
  askedAt: string;
  answeredAt: string;
  /** The latest answer; while `progress` is 'reopened' it is the answer the asker was not satisfied with. */
  answer: string;
  rating: Rating | null;
  progress: 'answered' | 'reopened' | 'closed';
}

export interface QaFigures {
  communityId: string;
  from: string;
  to: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  /** Answered, or unanswered past the answer deadline: the questions on-time is measured over. */
  due: number;
  closed: number;
  rated: number;
  satisfied: number;
  /** Shares 0–1, null when there is nothing to measure. */
  responseRate: number | null;
  onTimeRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/** The moves on one question that a viewer may be offered (`qa.<action>`). */
export const QUESTION_ACTIONS = ['accept', 'answer', 'transfer', 'escalate', 'acceptTransfer', 'declineTransfer', 'followUp', 'rate'] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];
