import { callFunction } from '@/lib/cloud';
import type { AskInput, InboxItem, OrgType, PublicQuestion, QaFigures, QuestionSummary, QuestionView, Rating } from '@/domain/question.schema';

export const askQuestion = (input: AskInput, requestId: string) => callFunction<QuestionView>('qa', 'ask', { ...input, requestId });
export const myQuestions = () => callFunction<{ items: QuestionSummary[] }>('qa', 'mine', {}).then((r) => r.items);
export const getQuestion = (id: string) => callFunction<QuestionView>('qa', 'get', { id });
export const staffInbox = () => callFunction<{ items: InboxItem[] }>('qa', 'inbox', {}).then((r) => r.items);

export const acceptQuestion = (id: string) => callFunction<QuestionView>('qa', 'accept', { id });
export const answerQuestion = (id: string, content: string, photos: string[], requestId: string) =>
  callFunction<QuestionView>('qa', 'answer', { id, content, photos, requestId });
export const transferQuestion = (id: string, toType: OrgType, toId: string, reason: string) => callFunction<QuestionView>('qa', 'transfer', { id, toType, toId, reason });
export const acceptTransfer = (id: string) => callFunction<QuestionView>('qa', 'acceptTransfer', { id });
export const declineTransfer = (id: string, reason: string) => callFunction<QuestionView>('qa', 'declineTransfer', { id, reason });
export const escalateQuestion = (id: string) => callFunction<QuestionView>('qa', 'escalate', { id });

export const followUp = (id: string, content: string, requestId: string) => callFunction<QuestionView>('qa', 'followUp', { id, content, requestId });
export const rateAnswer = (id: string, rating: Rating, requestId: string, comment?: string) =>
  callFunction<QuestionView>('qa', 'rate', { id, rating, requestId, ...(comment ? { comment } : {}) });

export const publicQuestions = (communityId: string) =>
  callFunction<{ community: { id: string; name: string }; items: PublicQuestion[] }>('qa', 'publicList', { communityId });
export const qaFigures = (communityId: string, from: string, to: string) => callFunction<QaFigures>('qa', 'figures', { communityId, from, to });
