import { maskName } from '../../src/domain/masking';
import { handlesQuestion, isAskerOf, questionActions, receivesTransfer } from '../../src/domain/question.policy';
import { isOverdue, type ThreadEntry } from '../../src/domain/question-machine';
import type { InboxItem, PhotoView, PublicQuestion, QuestionSummary, QuestionView, ThreadEntryView } from '../../src/domain/question.schema';
import type { Actor } from '../../src/domain/roles';
import type { QuestionRecord } from '../_shared/repositories/question.repository';
import { marksOf, NO_PHOTOS, type VisiblePhotos } from '../_shared/storage';

const ANONYMOUS = '匿名居民';
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The asker as others see them: masked (张*) everywhere except to themselves and the staff handling it. */
export const askerNameFor = (q: QuestionRecord, reveal: boolean) => (q.askerName ? (reveal ? q.askerName : maskName(q.askerName)) : ANONYMOUS);

export function toSummary(q: QuestionRecord, now: Date): QuestionSummary {
  return {
    id: q._id,
    title: q.title,
    category: q.category,
    status: q.status,
    communityName: q.communityName,
    handlerName: q.handler.name,
    askedAt: new Date(q.askedAt).toISOString(),
    dueAt: iso(q.dueAt),
    dueProvisional: q.dueProvisional === true,
    overdue: isOverdue({ status: q.status, dueAt: q.dueAt ? new Date(q.dueAt) : null }, now),
    escalated: q.escalated,
    rating: q.rating,
  };
}

export function toInboxItem(q: QuestionRecord, now: Date, desks: readonly string[]): InboxItem {
  const incoming = q.transfer && desks.includes(`${q.transfer.to.type}:${q.transfer.to.id}`) ? q.transfer.to.name : null;
  return { ...toSummary(q, now), askerName: askerNameFor(q, true), transferToName: incoming, needsReview: q.needsReview };
}

const photoViews = (ids: string[] | undefined, urls: Record<string, string>): PhotoView[] =>
  (ids ?? []).flatMap((fileId) => (urls[fileId] ? [{ fileId, url: urls[fileId] }] : []));

function entryView(e: ThreadEntry, askerName: string, urls: Record<string, string>): ThreadEntryView {
  const by = e.actor === 'asker' ? askerName : e.actor === 'system' ? '系统' : (e.org ?? '工作人员');
  return { kind: e.kind, at: new Date(e.at).toISOString(), by, ...(e.text ? { text: e.text } : {}), ...(e.photos?.length ? { photos: photoViews(e.photos, urls) } : {}) };
}

/** What the public sees of the thread: the answers and the asker's follow-up and rating, no internal routing. */
const PUBLIC_KINDS = new Set<ThreadEntry['kind']>(['answered', 'followed_up', 'rated']);

/** `photos`: what this viewer may see of the question's photos (src/domain/media-check.ts), with their marks. */
export function toQuestionView(q: QuestionRecord, actor: Actor, now: Date, photos: VisiblePhotos = NO_PHOTOS): QuestionView {
  const { urls } = photos;
  const isAsker = isAskerOf(actor, q);
  const canHandle = handlesQuestion(actor, q);
  const receiving = receivesTransfer(actor, q);
  const insider = isAsker || canHandle || receiving;
  const askerName = askerNameFor(q, canHandle || receiving || isAsker);
  const thread = q.thread.filter((e) => insider || PUBLIC_KINDS.has(e.kind)).map((e) => entryView(e, askerName, urls));
  const shown = photoViews(q.photos, urls);
  return {
    ...toSummary(q, now),
    content: q.content,
    askerName,
    isPublic: q.isPublic,
    photos: shown,
    photoMarks: marksOf(photos, [...shown, ...thread.flatMap((e) => e.photos ?? [])].map((p) => p.url)),
    streetName: q.streetName,
    acceptDueAt: new Date(q.acceptDueAt).toISOString(),
    answerDueAt: new Date(q.answerDueAt).toISOString(),
    acceptDueProvisional: q.acceptDueProvisional === true,
    answerDueProvisional: q.answerDueProvisional === true,
    followedUp: q.followedUp,
    reopened: q.reopened,
    transfer: insider && q.transfer ? { toName: q.transfer.to.name, reason: q.transfer.reason, at: new Date(q.transfer.at).toISOString() } : null,
    thread,
    viewer: { isAsker, canHandle, canReceiveTransfer: receiving, actions: questionActions(actor, q, now) },
  };
}

export function toPublicQuestion(q: QuestionRecord): PublicQuestion {
  const answers = q.thread.filter((e) => e.kind === 'answered');
  const latest = answers[answers.length - 1];
  return {
    id: q._id,
    title: q.title,
    content: q.content,
    category: q.category,
    askerName: askerNameFor(q, false),
    askedAt: new Date(q.askedAt).toISOString(),
    answeredAt: new Date(latest?.at ?? q.firstAnsweredAt ?? q.askedAt).toISOString(),
    answer: latest?.text ?? '',
    rating: q.rating,
    progress: q.status === 'closed' ? 'closed' : q.status === 'answered' ? 'answered' : 'reopened',
  };
}

/** Every photo id a view may show, for one storage call. */
export const photoIdsOf = (q: QuestionRecord) => [...q.photos, ...q.thread.flatMap((e) => e.photos ?? [])];
