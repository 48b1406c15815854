import type { ApiOf } from '../_shared/api';
import { defineFunction } from '../_shared/define-function';
import { reportMissingTemplates } from '../_shared/notice';
import { ask } from './handlers/ask.handler';
import { followUp, rate } from './handlers/asker-feedback.handler';
import { escalateOverdue } from './handlers/escalate-overdue.handler';
import { accept, answer, escalate } from './handlers/handle-question.handler';
import { figures, publicList } from './handlers/public-page.handler';
import { get, inbox, mine } from './handlers/read-questions.handler';
import { acceptTransfer, declineTransfer, transfer } from './handlers/transfer.handler';

reportMissingTemplates('qa', ['questionAnswered']);

/** `qa`: 网络问政 — asking, the staff desks with working-day deadlines, escalation to the 街道, and the public page. */
export const main = defineFunction(
  'qa',
  { ask, mine, get, inbox, accept, answer, transfer, acceptTransfer, declineTransfer, escalate, followUp, rate, publicList, figures },
  { timers: { escalateOverdue } },
);

/** The contract the client and the tests call this function through (types only). */
export type QaApi = ApiOf<typeof main>;
