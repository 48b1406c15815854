import { conflict, failedPrecondition, invalidArgument } from './errors';
import { deskKey, type DeskKey } from './question-desk';
import { ACCEPT_WORKING_DAYS, QA_CATEGORIES, type AskInput, type OrgRef, type QaCategory, type QuestionStatus, type Rating, type ThreadKind } from './question.schema';
import { CN_HOLIDAY_CALENDAR, type HolidayCalendar } from './holiday-calendar';
import { workingDayDue } from './working-day';

/**
 * The life of a question (docs/domain.md §4), pure: each transition checks the state, returns the whole next state
 * or throws the AppError the caller gets. Permissions are checked by the handler before it calls these.
 *
 *   submitted ──accept──▶ accepted ──answer──▶ answered ──rate 满意/基本满意──▶ closed
 *       └──────────answer──────────────▲          │ follow-up (once) / rate 不满意 (reopens once)
 *                                      └──────────┘ back to accepted with a new answer deadline
 * Transfer and escalation change who holds it, not its status.
 */
export interface ThreadEntry {
  kind: ThreadKind;
  at: Date;
  actor: 'asker' | 'staff' | 'system';
  /** The organisation staff acted for; the asker's entries carry none. */
  org?: string;
  /** The staff member who answered (never shown): who may not then rate or follow up that answer as its asker. */
  by?: string;
  text?: string;
  photos?: string[];
  /** A transfer a unit accepted: the unit (never shown), which the statistics recount counts it for. */
  unitId?: string;
}

export interface PendingTransfer {
  to: OrgRef;
  reason: string;
  at: Date;
}

export interface Question {
  version: number;
  askerOpenid: string;
  askerName: string;
  title: string;
  content: string;
  category: QaCategory;
  photos: string[];
  isPublic: boolean;
  /** Content security said "review": staff see it first; it goes public only once staff have handled it. */
  needsReview: boolean;
  communityId: string;
  communityName: string;
  streetId: string;
  streetName: string;
  /** 首接负责: the organisation responsible now; changes only when a transfer is accepted. */
  handler: OrgRef;
  transfer: PendingTransfer | null;
  status: QuestionStatus;
  askedAt: Date;
  acceptDueAt: Date;
  answerDueAt: Date;
  /** 预计: the deadline counted over a year without a holiday table (weekends only); recomputed once it exists. */
  acceptDueProvisional?: boolean;
  answerDueProvisional?: boolean;
  /** The next deadline while open (derived), null once answered. */
  dueAt: Date | null;
  /** Derived: `dueAt` is provisional (what the recomputation looks for). */
  dueProvisional?: boolean;
  acceptedAt: Date | null;
  firstAnsweredAt: Date | null;
  answeredAt: Date | null;
  /** Whether the first answer met the answer deadline; null until answered. */
  answeredOnTime: boolean | null;
  followedUp: boolean;
  reopened: boolean;
  rating: Rating | null;
  closedAt: Date | null;
  escalated: boolean;
  escalatedAt: Date | null;
  /** Derived: the desks whose inbox shows it. */
  inboxKeys: DeskKey[];
  /** Derived: shown on the community's public page. */
  publicListed: boolean;
  thread: ThreadEntry[];
}

export const answerDaysOf = (category: QaCategory) => QA_CATEGORIES.find((c) => c.name === category)?.answerDays ?? 5;

const isOpen = (q: Pick<Question, 'status'>) => q.status === 'submitted' || q.status === 'accepted';

/** Fields that follow from the others; recomputed after every transition so they never drift. */
function derive(q: Question): Question {
  const open = isOpen(q);
  const inboxKeys: DeskKey[] = open
    ? [deskKey(q.handler.type, q.handler.id), ...(q.transfer ? [deskKey(q.transfer.to.type, q.transfer.to.id)] : []), ...(q.escalated ? [deskKey('street', q.streetId)] : [])]
    : [];
  return {
    ...q,
    dueAt: q.status === 'submitted' ? q.acceptDueAt : q.status === 'accepted' ? q.answerDueAt : null,
    dueProvisional: q.status === 'submitted' ? q.acceptDueProvisional === true : q.status === 'accepted' ? q.answerDueProvisional === true : false,
    inboxKeys: [...new Set(inboxKeys)],
    publicListed: q.isPublic && !q.needsReview && q.firstAnsweredAt !== null,
  };
}

export interface NewQuestionContext {
  askerOpenid: string;
  askerName: string;
  community: { id: string; name: string; streetId: string; streetName: string };
  needsReview: boolean;
  now: Date;
  /** The shipped and the entered holiday tables; without it, the shipped ones. */
  calendar?: HolidayCalendar;
}

/** The answer deadline from a moment: the category's limit in working days (the holiday calendar). */
const answerDeadline = (category: QaCategory, from: Date, calendar: HolidayCalendar) => {
  const due = workingDayDue(from, answerDaysOf(category), calendar);
  return { answerDueAt: due.at, answerDueProvisional: due.provisional };
};
const acceptDeadline = (from: Date, calendar: HolidayCalendar) => {
  const due = workingDayDue(from, ACCEPT_WORKING_DAYS, calendar);
  return { acceptDueAt: due.at, acceptDueProvisional: due.provisional };
};

export function newQuestion(input: Omit<AskInput, 'communityId' | 'askerName'>, ctx: NewQuestionContext): Question {
  return derive({
    version: 1,
    askerOpenid: ctx.askerOpenid,
    askerName: ctx.askerName,
    title: input.title,
    content: input.content,
    category: input.category,
    photos: input.photos,
    isPublic: input.isPublic,
    needsReview: ctx.needsReview,
    communityId: ctx.community.id,
    communityName: ctx.community.name,
    streetId: ctx.community.streetId,
    streetName: ctx.community.streetName,
    handler: { type: 'community', id: ctx.community.id, name: ctx.community.name },
    transfer: null,
    status: 'submitted',
    askedAt: ctx.now,
    ...acceptDeadline(ctx.now, ctx.calendar ?? CN_HOLIDAY_CALENDAR),
    ...answerDeadline(input.category, ctx.now, ctx.calendar ?? CN_HOLIDAY_CALENDAR),
    dueAt: null,
    acceptedAt: null,
    firstAnsweredAt: null,
    answeredAt: null,
    answeredOnTime: null,
    followedUp: false,
    reopened: false,
    rating: null,
    closedAt: null,
    escalated: false,
    escalatedAt: null,
    inboxKeys: [],
    publicListed: false,
    thread: [],
  });
}

const next = (q: Question, patch: Partial<Question>, entry: ThreadEntry): Question =>
  derive({ ...q, ...patch, version: q.version + 1, thread: [...q.thread, entry] });

function mustBeOpen(q: Question) {
  if (!isOpen(q)) throw failedPrecondition(q.status === 'answered' ? '该问题已答复，无需再办理' : '该问题已办结');
}

export function acceptQuestion(q: Question, now: Date): Question {
  if (q.status !== 'submitted') {
    throw failedPrecondition(isOpen(q) ? '该问题已受理' : '该问题已答复，无需受理');
  }
  return next(q, { status: 'accepted', acceptedAt: now, needsReview: false }, { kind: 'accepted', at: now, actor: 'staff', org: q.handler.name });
}

export function answerQuestion(q: Question, answer: { text: string; photos: string[]; org: string; by?: string }, now: Date): Question {
  mustBeOpen(q);
  const first = q.firstAnsweredAt === null;
  return next(
    q,
    {
      status: 'answered',
      acceptedAt: q.acceptedAt ?? now,
      firstAnsweredAt: q.firstAnsweredAt ?? now,
      answeredAt: now,
      answeredOnTime: first ? now.getTime() <= q.answerDueAt.getTime() : q.answeredOnTime,
      // Answering is the human review a "review" verdict asked for; a pending transfer lapses with the answer.
      needsReview: false,
      transfer: null,
    },
    { kind: 'answered', at: now, actor: 'staff', org: answer.org, text: answer.text, photos: answer.photos, ...(answer.by ? { by: answer.by } : {}) },
  );
}

/** The asker's one follow-up question: back to the desk with a fresh answer deadline. */
export function followUpQuestion(q: Question, text: string, now: Date, calendar: HolidayCalendar = CN_HOLIDAY_CALENDAR): Question {
  if (q.followedUp) throw conflict('每个问题只能追问一次');
  if (q.status !== 'answered') throw failedPrecondition(q.status === 'closed' ? '问题已办结，不能再追问' : '问题尚未答复，请等待答复后再追问');
  return next(
    q,
    { status: 'accepted', followedUp: true, ...answerDeadline(q.category, now, calendar) },
    { kind: 'followed_up', at: now, actor: 'asker', text },
  );
}

/** 满意 / 基本满意 close it; the first 不满意 reopens it once, a second one closes it with that rating. */
export function rateQuestion(q: Question, rating: Rating, comment: string | undefined, now: Date, calendar: HolidayCalendar = CN_HOLIDAY_CALENDAR): Question {
  if (q.status === 'closed') throw conflict('已评价过，不能重复评价');
  if (q.status !== 'answered') throw failedPrecondition(q.reopened ? '问题正在重新办理，答复后可再评价' : '问题尚未答复，答复后才能评价');
  const rated: ThreadEntry = { kind: 'rated', at: now, actor: 'asker', text: comment ? `${rating}：${comment}` : rating };
  if (rating === '不满意' && !q.reopened) {
    const reopened = next(q, { status: 'accepted', reopened: true, ...answerDeadline(q.category, now, calendar) }, rated);
    return { ...reopened, thread: [...reopened.thread, { kind: 'reopened', at: now, actor: 'system' }] };
  }
  return next(q, { status: 'closed', rating, closedAt: now }, rated);
}

export function requestTransfer(q: Question, to: OrgRef, reason: string, now: Date): Question {
  mustBeOpen(q);
  if (q.transfer) throw conflict(`已转交${q.transfer.to.name}，等待对方接收`);
  if (to.type === q.handler.type && to.id === q.handler.id) throw invalidArgument([{ field: 'toId', message: '不能转交给当前办理单位' }]);
  return next(q, { transfer: { to, reason, at: now } }, { kind: 'transfer_requested', at: now, actor: 'staff', org: q.handler.name, text: `转交${to.name}：${reason}` });
}

export function acceptTransfer(q: Question, now: Date): Question {
  mustBeOpen(q);
  if (!q.transfer) throw failedPrecondition('没有待接收的转交');
  const to = q.transfer.to;
  return next(q, { handler: to, transfer: null }, { kind: 'transfer_accepted', at: now, actor: 'staff', org: to.name, ...(to.type === 'unit' ? { unitId: to.id } : {}) });
}

export function declineTransfer(q: Question, reason: string, now: Date): Question {
  if (!q.transfer) throw failedPrecondition('没有待接收的转交');
  const to = q.transfer.to;
  return next(q, { transfer: null }, { kind: 'transfer_declined', at: now, actor: 'staff', org: to.name, text: reason });
}

export const isOverdue = (q: Pick<Question, 'status' | 'dueAt'>, now: Date) => isOpen(q) && q.dueAt !== null && now.getTime() > q.dueAt.getTime();

/** Overdue and still open: flagged and put before the 街道 above (by the timer, or by staff who see it first). */
export function escalateQuestion(q: Question, now: Date, by: 'staff' | 'system', org?: string): Question {
  if (!isOverdue(q, now)) throw failedPrecondition('问题未超期，无需上报街道');
  if (q.escalated) throw conflict(`已上报${q.streetName}`);
  return next(q, { escalated: true, escalatedAt: now }, { kind: 'escalated', at: now, actor: by, org, text: `超期未${q.status === 'submitted' ? '受理' : '答复'}，已上报${q.streetName}` });
}

/** When the answer deadline was last set: the follow-up or the reopening that reset it, else the asking. */
const answerClockStart = (q: Question): Date => {
  const reset = [...q.thread].reverse().find((e) => e.kind === 'followed_up' || e.kind === 'reopened');
  return new Date(reset?.at ?? q.askedAt);
};

/**
 * The provisional deadlines of an open question computed again with a calendar that may now hold the missing
 * year: the new state, or null when nothing became firm (no thread entry: nobody acted, the calendar got better).
 */
export function firmDeadlines(q: Question, calendar: HolidayCalendar): Question | null {
  if (!isOpen(q)) return null;
  const accept = q.acceptDueProvisional ? acceptDeadline(new Date(q.askedAt), calendar) : null;
  const answer = q.answerDueProvisional ? answerDeadline(q.category, answerClockStart(q), calendar) : null;
  if (!(accept && !accept.acceptDueProvisional) && !(answer && !answer.answerDueProvisional)) return null;
  return derive({ ...q, ...accept, ...answer, version: q.version + 1 });
}
