import { z } from 'zod';
import { APPEAL_MAX, OPINION_COMMENT_MAX, OPINION_GRADES, type OpinionGrade } from './community-opinion';
import type { CheckinStanding } from './checkin-term';
import type { LedgerTable } from './ledger-table';
import { QUESTION_STATUSES } from './question.schema';
import { SERVICE_LOG_STATUSES } from './service-log.schema';
import { idSchema, requestIdSchema, text } from './validation';
import { WISH_STATUSES } from './wish-machine';

/**
 * Inputs of the `ledger` function's member views, community opinions and community ledgers (the 一单一表 view, 评先
 * 评优意见, 报到台账) and of `ledger.export`, which names the table and sends that table's own filters.
 */
const year = z.number({ error: '请选择年份' }).int('年份必须是整数').min(2020, '年份不能早于 2020 年').max(2100, '年份不正确');
const day = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${label}格式应为 YYYY-MM-DD`);

/** The filters of each exportable table; the list action and the export take the same ones. */
export const unitMembersFilters = z.object({ unitId: idSchema('单位'), year, page: z.number({ error: '页码必须是数字' }).int().min(1, '页码从 1 开始').max(500).optional() }).strict();
export const checkinLedgerFilters = z.object({ communityId: idSchema('社区'), from: day('开始日期'), to: day('结束日期') }).strict();
/** The community ledgers read through the generic `ledgerTable` action: a range and, where it means something, a status. */
const serviceLedgerFilters = checkinLedgerFilters.extend({ status: z.enum(SERVICE_LOG_STATUSES, { error: '请选择状态' }).optional() }).strict();
const wishLedgerFilters = checkinLedgerFilters.extend({ status: z.enum(WISH_STATUSES, { error: '请选择状态' }).optional() }).strict();
const questionLedgerFilters = checkinLedgerFilters.extend({ status: z.enum(QUESTION_STATUSES, { error: '请选择状态' }).optional() }).strict();
const communityLedgers = [
  serviceLedgerFilters.extend({ table: z.literal('serviceLedger') }).strict(),
  wishLedgerFilters.extend({ table: z.literal('wishLedger') }).strict(),
  questionLedgerFilters.extend({ table: z.literal('questionLedger') }).strict(),
] as const;
/** The unit's 四进四联 台账: its members' confirmed and pending service logs, in the same `ledgerTable` action. */
const unitActivities = z
  .object({ unitId: idSchema('单位'), from: day('开始日期'), to: day('结束日期'), status: z.enum(['confirmed', 'pending'], { error: '请选择状态' }).optional() })
  .extend({ table: z.literal('unitActivities') })
  .strict();
export type CommunityLedgerName = z.infer<(typeof communityLedgers)[number]>['table'];

export const ledgerViewActions = {
  /** 一单一表: the unit admin's view of the unit's members, never-reported and lapsed first. */
  unitMembers: unitMembersFilters,
  /** The community's 报到台账 over a date range (of 报到 time); the range is checked by `ledgerRange` (ledger-range.ts). */
  checkinLedger: checkinLedgerFilters,
  /** 服务纪实台账, 微心愿台账, 问题台账: one list action naming the table, with the same filters as its export. */
  ledgerTable: z.discriminatedUnion('table', [...communityLedgers, unitActivities], { error: '请选择台账' }),
  /** The staff form: members who reported in to the community that year, their record and any opinion. */
  opinionForm: z.object({ communityId: idSchema('社区'), year }).strict(),
  giveOpinion: z
    .object({
      communityId: idSchema('社区'),
      memberOpenid: idSchema('党员'),
      year,
      grade: z.enum(OPINION_GRADES, { error: '请选择评价等次' }),
      comment: text('意见', OPINION_COMMENT_MAX),
      requestId: requestIdSchema.optional(),
    })
    .strict(),
  /** The member's opinions (我的). */
  myOpinions: z.object({}).strict(),
  /** The member answers an opinion once (申辩). */
  appealOpinion: z.object({ opinionId: idSchema('意见'), text: text('申辩内容', APPEAL_MAX) }).strict(),
  /** Any table above as an .xlsx file in cloud storage, opened through a temporary URL. */
  export: z.discriminatedUnion(
    'table',
    [
      unitMembersFilters.omit({ page: true }).extend({ table: z.literal('unitMembers') }).strict(),
      checkinLedgerFilters.extend({ table: z.literal('checkinLedger') }).strict(),
      ...communityLedgers,
      unitActivities,
    ],
    { error: '请选择要导出的台账' },
  ),
} as const;

export interface OpinionView {
  id: string;
  year: number;
  communityName: string;
  memberName: string;
  grade: OpinionGrade;
  gradeLabel: string;
  comment: string;
  ratedAt: string;
  appeal: { text: string; at: string } | null;
}

/** One row of the staff's opinion form: the member's record in the community beside the form. */
export interface OpinionCandidate {
  memberOpenid: string;
  name: string;
  workUnitName: string;
  standing: CheckinStanding;
  standingLabel: string;
  confirmedInYear: boolean;
  hoursThisYear: number;
  activitiesThisYear: number;
  allowedGrades: OpinionGrade[];
  opinion: OpinionView | null;
  /** The caller is this member (staff who also reported in here): nobody rates themselves. */
  isSelf: boolean;
}

/** A table as the screen gets it, with the paging of the list. */
export interface TablePage {
  table: LedgerTable;
  page: number;
  hasMore: boolean;
}

export interface ExportResult {
  url: string;
  fileName: string;
  rows: number;
  bytes: number;
}
