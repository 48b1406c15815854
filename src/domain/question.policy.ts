import { allOf, rule, type Verdict } from './policy';
import {
  acceptQuestion,
  acceptTransfer,
  answerQuestion,
  declineTransfer,
  escalateQuestion,
  followUpQuestion,
  rateQuestion,
  requestTransfer,
  type Question,
} from './question-machine';
import { QUESTION_ACTIONS, type QuestionAction } from './question.schema';
import { deskKey, desksOf } from './question-desk';
import { isAdmin, type Actor } from './roles';

/** 网络问政 (docs/authorization.md, area `qa`): who asks, who handles, who follows up. */

type HandledQuestion = { handler: { type: 'community' | 'unit'; id: string }; streetId: string };
type TransferredQuestion = { transfer: { to: { type: 'community' | 'unit'; id: string } } | null };

/** A resident asks the community they live in. */
export const canAskCommunity = (actor: Actor, communityId: string): Verdict =>
  rule(actor.openid.length > 0 && actor.communityId === communityId, '只能向您居住的社区提问');

/** Asking names the community, or takes the one the asker lives in. */
export function canAsk(actor: Actor, input: { communityId?: string }): Verdict {
  const communityId = input.communityId ?? actor.communityId;
  if (!communityId) return { ok: false, code: 'FAILED_PRECONDITION', message: '请先在首页选择您居住的社区，再向社区提问' };
  return canAskCommunity(actor, communityId);
}

/** The inbox is for whoever works a desk (community, 街道 or unit staff). */
export const canUseQaInbox = (actor: Actor): Verdict => rule(desksOf(actor).length > 0, '只有社区、街道或单位的工作人员可以办理问政');

/**
 * Accept, answer, transfer or escalate: staff of the organisation now responsible for the question, or of the 街道
 * above the community it was addressed to (the level that supervises and receives what is overdue), or an admin.
 */
export function handlesQuestion(actor: Actor, question: HandledQuestion): boolean {
  if (isAdmin(actor)) return true;
  const desks = desksOf(actor);
  return desks.includes(deskKey(question.handler.type, question.handler.id)) || desks.includes(deskKey('street', question.streetId));
}

export const canHandleQuestion = (actor: Actor, _input: unknown, question: HandledQuestion): Verdict =>
  rule(handlesQuestion(actor, question), '只能办理本社区（单位）或本街道的问题');

export const canTransferQuestion = (actor: Actor, _input: unknown, question: HandledQuestion): Verdict =>
  rule(handlesQuestion(actor, question), '只能转交本社区（单位）或本街道的问题');

/** A transfer is accepted or sent back by the receiving organisation's staff. */
export function receivesTransfer(actor: Actor, question: TransferredQuestion): boolean {
  const to = question.transfer?.to;
  return to !== undefined && desksOf(actor).includes(deskKey(to.type, to.id));
}

export const canAcceptTransfer = (actor: Actor, _input: unknown, question: TransferredQuestion): Verdict =>
  rule(receivesTransfer(actor, question), '只有接收单位的工作人员可以接收转交');

export const canDeclineTransfer = (actor: Actor, _input: unknown, question: TransferredQuestion): Verdict =>
  rule(receivesTransfer(actor, question), '只有接收单位的工作人员可以退回转交');

/** The asker's own question: follow up, rate, and see it whether public or not. */
export const isAskerOf = (actor: Actor, question: { askerOpenid: string }) => actor.openid.length > 0 && actor.openid === question.askerOpenid;

/** Whether the viewer wrote one of the question's answers. */
const answeredBy = (actor: Actor, question: { thread: readonly { kind: string; by?: string }[] }) =>
  actor.openid.length > 0 && question.thread.some((e) => e.kind === 'answered' && e.by === actor.openid);

/** Separation of duties: staff who asked a question do not answer it themselves. */
export const canAnswerQuestion = (actor: Actor, _input: unknown, question: HandledQuestion & { askerOpenid: string }): Verdict =>
  allOf(canHandleQuestion(actor, null, question), rule(!isAskerOf(actor, question), '不能答复自己提出的问题，请由本社区（单位）其他工作人员答复'));

/** Follow up and rate: the asker, and not on an answer they wrote themselves (separation of duties). */
export const canGiveFeedback = (actor: Actor, _input: unknown, question: { askerOpenid: string; thread: readonly { kind: string; by?: string }[] }): Verdict =>
  allOf(rule(isAskerOf(actor, question), '只能对自己提出的问题追问或评价'), rule(!answeredBy(actor, question), '不能评价自己答复的问题，请由其他工作人员跟进'));

/** Who may read a question that is not on the public page: the asker and the staff who handle or receive it. */
export const canReadQuestion = (actor: Actor, question: HandledQuestion & TransferredQuestion & { askerOpenid: string; publicListed: boolean }): boolean =>
  question.publicListed || isAskerOf(actor, question) || handlesQuestion(actor, question) || receivesTransfer(actor, question);

/**
 * The moves to offer this viewer as buttons: exactly those the action's policy allows and the machine would
 * make now (each transition is tried on the question; nothing is written).
 */
export function questionActions(actor: Actor, q: Question, now: Date): QuestionAction[] {
  const moves: Record<QuestionAction, [Verdict, () => unknown]> = {
    accept: [canHandleQuestion(actor, null, q), () => acceptQuestion(q, now)],
    answer: [canAnswerQuestion(actor, null, q), () => answerQuestion(q, { text: '', photos: [], org: '' }, now)],
    transfer: [canTransferQuestion(actor, null, q), () => requestTransfer(q, { type: 'unit', id: '', name: '' }, '', now)],
    escalate: [canHandleQuestion(actor, null, q), () => escalateQuestion(q, now, 'staff')],
    acceptTransfer: [canAcceptTransfer(actor, null, q), () => acceptTransfer(q, now)],
    declineTransfer: [canDeclineTransfer(actor, null, q), () => declineTransfer(q, '', now)],
    followUp: [canGiveFeedback(actor, null, q), () => followUpQuestion(q, '', now)],
    rate: [canGiveFeedback(actor, null, q), () => rateQuestion(q, '满意', undefined, now)],
  };
  return QUESTION_ACTIONS.filter((action) => {
    const [verdict, attempt] = moves[action];
    if (!verdict.ok) return false;
    try {
      attempt();
      return true;
    } catch {
      return false;
    }
  });
}
