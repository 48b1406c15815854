import { ACTIVITY_TYPE_LABELS } from '../../../src/domain/activity-types';
import { notFound } from '../../../src/domain/errors';
import { ledgerRange } from '../../../src/domain/ledger-range';
import type { LedgerTable, TableColumn } from '../../../src/domain/ledger-table';
import type { CommunityLedgerName } from '../../../src/domain/ledger-views.schema';
import { isOverdue, type Question } from '../../../src/domain/question-machine';
import { QUESTION_STATUS_LABELS } from '../../../src/domain/question.schema';
import { SERVICE_LOG_STATUS_LABELS } from '../../../src/domain/service-log.schema';
import { formatShanghaiDate, formatShanghaiMinute } from '../../../src/domain/shanghai-time';
import { WISH_STATUS_LABELS } from '../../../src/domain/wish-machine';
import { findCommunity } from '../../_shared/repositories/community.repository';
import { communityDocsBetween } from '../../_shared/repositories/ledger-reads.repository';
import type { ServiceLogRecord } from '../../_shared/repositories/service-log.repository';
import type { WishRecord } from '../../_shared/repositories/wish.repository';

/**
 * The community's 服务纪实台账, 微心愿台账 and 问题台账 (staff view: names in full). Each reads one range query of its
 * own collection scoped to the community before anything else, so no row or total of another community can appear;
 * the screen and the file are built by the same function.
 */
export interface CommunityLedgerInput {
  table: CommunityLedgerName;
  communityId: string;
  from: string;
  to: string;
  status?: string;
}

/** The screen shows up to 999 rows (one query); the file holds up to 10 000 (pages of 1 000). */
export const COMMUNITY_LEDGER_SCREEN_ROWS = 999;
export const COMMUNITY_LEDGER_MAX_ROWS = 10_000;

const round1 = (n: number) => Math.round(n * 10) / 10;
const minute = (at: Date | string | null | undefined) => (at ? formatShanghaiMinute(at) : null);
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

interface Built {
  title: string;
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
  totals: Record<string, string | number | null> | null;
  definitions: { column: string; text: string }[];
  communityName: string | undefined;
}

// ── 服务纪实台账 ────────────────────────────────────────────────────────────────────────────────────
const SERVICE_COLUMNS: TableColumn[] = [
  { key: 'name', title: '姓名', kind: 'text', width: 9 },
  { key: 'date', title: '服务日期', kind: 'date', width: 11 },
  { key: 'type', title: '服务类型', kind: 'text', width: 10 },
  { key: 'title', title: '服务内容', kind: 'text', width: 20 },
  { key: 'hours', title: '时长（小时）', kind: 'decimal', width: 8 },
  { key: 'status', title: '状态', kind: 'text', width: 10 },
  { key: 'reviewer', title: '确认人', kind: 'text', width: 9 },
  { key: 'reviewedAt', title: '确认时间', kind: 'datetime', width: 17 },
];

function serviceLedger(logs: ServiceLogRecord[]): Built {
  const rows = logs.map((l) => ({
    name: l.memberName,
    date: l.serviceDate,
    type: ACTIVITY_TYPE_LABELS[l.type] ?? l.type,
    title: l.title,
    hours: round1(l.hours),
    status: SERVICE_LOG_STATUS_LABELS[l.status] ?? l.status,
    reviewer: l.status === 'confirmed' ? (l.reviewedByName ?? '') : '',
    reviewedAt: l.status === 'confirmed' ? minute(l.reviewedAt) : null,
  }));
  const confirmed = logs.filter((l) => l.status === 'confirmed');
  return {
    title: '在职党员服务纪实台账',
    columns: SERVICE_COLUMNS,
    rows,
    totals: rows.length === 0 ? null : { name: `合计 ${rows.length} 条`, hours: round1(confirmed.reduce((s, l) => s + l.hours, 0)), status: `已确认 ${confirmed.length} 条` },
    definitions: [
      { column: '服务日期', text: '党员服务的日期（北京时间），统计范围按服务日期计' },
      { column: '状态', text: '待确认、已确认（经本社区工作人员确认）、未通过、已被补录更正' },
      { column: '合计', text: '范围内的服务纪实条数；合计时长只计已确认的服务时长' },
    ],
    communityName: logs[0]?.communityName,
  };
}

// ── 微心愿台账 ──────────────────────────────────────────────────────────────────────────────────────
const WISH_COLUMNS: TableColumn[] = [
  { key: 'title', title: '心愿', kind: 'text', width: 18 },
  { key: 'postedAt', title: '需求时间', kind: 'datetime', width: 17 },
  { key: 'poster', title: '发布人', kind: 'text', width: 9 },
  { key: 'claimedAt', title: '认领时间', kind: 'datetime', width: 17 },
  { key: 'claimant', title: '认领人', kind: 'text', width: 12 },
  { key: 'closedAt', title: '销号时间', kind: 'datetime', width: 17 },
  { key: 'closer', title: '销号人', kind: 'text', width: 9 },
  { key: 'status', title: '状态', kind: 'text', width: 8 },
];

function wishLedger(wishes: WishRecord[]): Built {
  const rows = wishes.map((w) => {
    const posted = w.history.find((h) => h.event === 'post');
    const closed = w.status === 'closed' ? [...w.history].reverse().find((h) => h.to === 'closed') : undefined;
    return {
      title: w.title,
      postedAt: minute(w.createdAt),
      poster: posted?.byLabel ?? '',
      claimedAt: minute(w.claim?.claimedAt),
      claimant: w.claim?.helperName ?? '',
      closedAt: w.status === 'closed' ? minute(w.closedAt) : null,
      closer: closed?.byLabel ?? '',
      status: WISH_STATUS_LABELS[w.status] ?? w.status,
    };
  });
  const claimed = wishes.filter((w) => w.claim).length;
  const closed = wishes.filter((w) => w.status === 'closed').length;
  return {
    title: '群众微心愿台账',
    columns: WISH_COLUMNS,
    rows,
    totals: rows.length === 0 ? null : { title: `需求 ${rows.length} 个`, claimant: `认领 ${claimed} 个`, closer: `销号 ${closed} 个` },
    definitions: [
      { column: '需求时间', text: '心愿提交的时间（北京时间），统计范围按需求时间计' },
      { column: '认领', text: '当前有人认领（含已送达、已销号）的心愿；认领人为党员姓名或单位名称' },
      { column: '销号', text: '经发布人或社区工作人员确认实现、已销号的心愿；销号人为确认人' },
    ],
    communityName: wishes[0]?.communityName,
  };
}

// ── 问题台账 ────────────────────────────────────────────────────────────────────────────────────────
const QUESTION_COLUMNS: TableColumn[] = [
  { key: 'title', title: '问题', kind: 'text', width: 18 },
  { key: 'asker', title: '提问人', kind: 'text', width: 9 },
  { key: 'askedAt', title: '收到时间', kind: 'datetime', width: 17 },
  { key: 'acceptedAt', title: '受理时间', kind: 'datetime', width: 17 },
  { key: 'answeredAt', title: '答复时间', kind: 'datetime', width: 17 },
  { key: 'onTime', title: '按期答复', kind: 'text', width: 8 },
  { key: 'overdue', title: '逾期', kind: 'text', width: 6 },
  { key: 'escalated', title: '提级督办', kind: 'text', width: 8 },
  { key: 'rating', title: '满意度', kind: 'text', width: 8 },
  { key: 'status', title: '状态', kind: 'text', width: 8 },
];

/** Overdue: still waiting past its deadline now, or answered after the answer deadline. */
const overdueOf = (q: Question, now: Date) => isOverdue(q, now) || q.answeredOnTime === false;

function questionLedger(questions: Question[], now: Date): Built {
  const rows = questions.map((q) => ({
    title: q.title,
    asker: q.askerName,
    askedAt: minute(q.askedAt),
    acceptedAt: minute(q.acceptedAt),
    answeredAt: minute(q.firstAnsweredAt ?? q.answeredAt),
    onTime: q.answeredOnTime === null ? '' : q.answeredOnTime ? '是' : '否',
    overdue: overdueOf(q, now) ? '是' : '',
    escalated: q.escalated ? '是' : '',
    rating: q.rating ?? '',
    status: QUESTION_STATUS_LABELS[q.status] ?? q.status,
  }));
  const accepted = questions.filter((q) => q.acceptedAt).length;
  const answered = questions.filter((q) => q.answeredOnTime !== null).length;
  const onTime = questions.filter((q) => q.answeredOnTime === true).length;
  const overdue = questions.filter((q) => overdueOf(q, now)).length;
  const escalated = questions.filter((q) => q.escalated).length;
  const rated = questions.filter((q) => q.rating).length;
  const satisfied = questions.filter((q) => q.rating === '满意' || q.rating === '基本满意').length;
  const pct = (part: number, whole: number) => (ratio(part, whole) === null ? '—' : `${Math.round((part / whole) * 1000) / 10}%`);
  return {
    title: '群众问题台账',
    columns: QUESTION_COLUMNS,
    rows,
    totals:
      rows.length === 0
        ? null
        : {
            title: `收到 ${rows.length} 件`,
            acceptedAt: `受理 ${accepted} 件`,
            answeredAt: `答复 ${answered} 件`,
            onTime: `按期率 ${pct(onTime, answered)}`,
            overdue: `${overdue} 件`,
            escalated: `${escalated} 件`,
            rating: `满意率 ${pct(satisfied, rated)}`,
          },
    definitions: [
      { column: '收到时间', text: '群众提交问题的时间（北京时间），统计范围按收到时间计' },
      { column: '按期答复', text: '首次答复是否在答复期限内；按期率 = 按期答复数 ÷ 已答复数' },
      { column: '逾期', text: '到期仍未受理或答复，或首次答复晚于答复期限' },
      { column: '满意度', text: '提问人的评价；满意率 = （满意 + 基本满意）÷ 已评价数' },
    ],
    communityName: questions[0]?.communityName,
  };
}

/** The named community ledger over a range (and status), the first `limit` rows, with its total row. */
export async function communityLedgerTable(input: CommunityLedgerInput, now: Date, limit = COMMUNITY_LEDGER_SCREEN_ROWS): Promise<{ table: LedgerTable; hasMore: boolean }> {
  const range = ledgerRange(input.from, input.to, now);
  const read = <T>(collection: 'service_logs' | 'wishes' | 'questions', field: 'serviceDate' | 'createdAt' | 'askedAt', bounds: { start: Date | string; end: Date | string }) =>
    communityDocsBetween<T>(collection, field, input.communityId, bounds, input.status, limit + 1);
  let docs: unknown[];
  let build: (kept: unknown[]) => Built;
  if (input.table === 'serviceLedger') {
    // Service dates are Shanghai days stored as text: the same range, compared as text.
    docs = await read<ServiceLogRecord>('service_logs', 'serviceDate', { start: input.from, end: formatShanghaiDate(range.end) });
    build = (kept) => serviceLedger(kept as ServiceLogRecord[]);
  } else if (input.table === 'wishLedger') {
    docs = await read<WishRecord>('wishes', 'createdAt', range);
    build = (kept) => wishLedger(kept as WishRecord[]);
  } else {
    docs = await read<Question>('questions', 'askedAt', range);
    build = (kept) => questionLedger(kept as Question[], now);
  }
  const built = build(docs.slice(0, limit));
  // The name travels on every row; only an empty ledger reads the community for its title (≤ 3 round trips).
  const scopeName = built.communityName ?? (await findCommunity(input.communityId))?.name;
  if (!scopeName) throw notFound('社区不存在');
  const { communityName: _name, ...table } = built;
  return { hasMore: docs.length > limit, table: { ...table, scopeName, periodLabel: range.label } };
}
