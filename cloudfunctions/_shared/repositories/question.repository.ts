import type { Question } from '../../../src/domain/question-machine';
import type { DeskKey } from '../../../src/domain/question-desk';
import type { FigureCounts } from '../../../src/domain/question-figures';
import { now } from '../clock';
import { database } from '../sdk';
import { isDuplicateWrite } from './db-errors';
import { incrementsOf, questionTransitionsOf } from '../../../src/domain/stat-counters';
import { bumpCounters } from './stat-counter.repository';

/** 网络问政 questions, one document each with its thread; `inboxKeys` makes a desk's inbox one indexed query. */
const COLLECTION = 'questions';

export interface QuestionRecord extends Question {
  _id: string;
}

const first = (data: unknown) => ((data as QuestionRecord[])[0] as QuestionRecord | undefined) ?? null;

export async function findQuestion(id: string): Promise<QuestionRecord | null> {
  const { data } = await database().collection(COLLECTION).doc(id).get();
  return first(data);
}

/** Inserts under a deterministic id; a retry of the same ask finds the first one instead (null: it existed). */
export async function insertQuestion(id: string, question: Question): Promise<QuestionRecord | null> {
  try {
    await database().collection(COLLECTION).add({ _id: id, ...question });
    await bumpCounters(questionTransitionsOf(null, question, question.askedAt).flatMap(incrementsOf));
    return { _id: id, ...question };
  } catch (error) {
    if (!isDuplicateWrite(error)) throw error;
    return null;
  }
}

/**
 * Writes the next state only if nobody changed the question since it was read (its version), so two staff
 * answering at once, or a rating racing a follow-up, cannot both win. False when it was changed meanwhile.
 */
export async function saveQuestion(id: string, before: Question, after: Question, at: Date = now()): Promise<boolean> {
  const db = database();
  // Whole-value replacement: the SDK would otherwise merge nested objects field by field.
  // Transitions spread the loaded record, so `_id` may ride along; it is the key, never a field to write.
  const fields = Object.fromEntries(
    Object.entries(after)
      .filter(([key]) => key !== '_id')
      .map(([key, value]) => [key, value !== null && typeof value === 'object' && !(value instanceof Date) ? db.command.set(value) : value]),
  );
  const { updated } = (await db.collection(COLLECTION).where({ _id: id, version: before.version }).update(fields)) as { updated?: number };
  // Only the writer that won the version counts the transition.
  if (updated === 1) await bumpCounters(questionTransitionsOf(before, after, at).flatMap(incrementsOf));
  return updated === 1;
}

const INBOX_LIMIT = 200;

/** Open questions waiting on any of the desks, nearest deadline first (so the overdue come first). */
export async function listInbox(desks: DeskKey[]): Promise<QuestionRecord[]> {
  const db = database();
  const { data } = await db.collection(COLLECTION).where({ inboxKeys: db.command.in(desks) }).orderBy('dueAt', 'asc').limit(INBOX_LIMIT).get();
  return data as QuestionRecord[];
}

export async function listByAsker(openid: string): Promise<QuestionRecord[]> {
  const { data } = await database().collection(COLLECTION).where({ askerOpenid: openid }).orderBy('askedAt', 'desc').limit(100).get();
  return data as QuestionRecord[];
}

export async function listPublicOfCommunity(communityId: string): Promise<QuestionRecord[]> {
  const { data } = await database()
    .collection(COLLECTION)
    .where({ communityId, publicListed: true })
    .orderBy('firstAnsweredAt', 'desc')
    .limit(50)
    .get();
  return data as QuestionRecord[];
}

/** Open questions whose current deadline is 预计, nearest first: what the escalation timer computes again. */
export async function listProvisionalDue(limit: number): Promise<QuestionRecord[]> {
  const { data } = await database().collection(COLLECTION).where({ dueProvisional: true }).orderBy('dueAt', 'asc').limit(limit).get();
  return data as QuestionRecord[];
}

/** Open, overdue and not yet escalated: what the escalation timer picks up, oldest deadline first. */
export async function listOverdueToEscalate(now: Date, limit: number): Promise<QuestionRecord[]> {
  const db = database();
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTION)
    .where({ escalated: false, dueAt: _.lt(now), status: _.in(['submitted', 'accepted']) })
    .orderBy('dueAt', 'asc')
    .limit(limit)
    .get();
  return data as QuestionRecord[];
}

/** The figures' counts in one aggregation in the database: the cost stays one round trip at any number of questions. */
export async function countFigures(communityId: string, period: { start: Date; end: Date }, now: Date): Promise<FigureCounts> {
  const db = database();
  const $ = db.command.aggregate;
  const when = (condition: unknown) => $.sum($.cond([condition, 1, 0]));
  const { data } = await db
    .collection(COLLECTION)
    .aggregate()
    .match({ communityId, askedAt: db.command.gte(period.start).and(db.command.lt(period.end)) })
    .group({
      _id: null,
      received: $.sum(1),
      answered: when($.neq(['$firstAnsweredAt', null])),
      answeredOnTime: when($.eq(['$answeredOnTime', true])),
      due: when($.or([$.neq(['$firstAnsweredAt', null]), $.lt(['$answerDueAt', now])])),
      closed: when($.eq(['$status', 'closed'])),
      // A first 不满意 reopens the question and leaves `rating` empty until it is rated again: it is still a rating.
      rated: when($.or([$.neq(['$rating', null]), $.eq(['$reopened', true])])),
      satisfied: when($.in(['$rating', ['满意', '基本满意']])),
    })
    .end();
  const row = (data as (FigureCounts & { _id: null })[])[0];
  return {
    received: row?.received ?? 0,
    answered: row?.answered ?? 0,
    answeredOnTime: row?.answeredOnTime ?? 0,
    due: row?.due ?? 0,
    closed: row?.closed ?? 0,
    rated: row?.rated ?? 0,
    satisfied: row?.satisfied ?? 0,
  };
}

/** How many open questions wait on any of the desks (the workbench's pending count): one indexed count. */
export async function countInbox(desks: DeskKey[]): Promise<number> {
  if (desks.length === 0) return 0;
  const db = database();
  const { total } = (await db.collection(COLLECTION).where({ inboxKeys: db.command.in(desks) }).count()) as { total: number };
  return total;
}
