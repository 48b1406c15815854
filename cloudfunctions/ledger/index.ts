import type { ApiOf } from '../_shared/api';
import { defineFunction } from '../_shared/define-function';
import { dashboard } from './handlers/dashboard.handler';
import { checkinLedger, exportTable, ledgerTable, unitMembers } from './handlers/member-views.handler';
import { appealOpinion, giveOpinion, myOpinions, opinionForm } from './handlers/opinion.handler';
import { quarterly, submissions, submitQuarterly } from './handlers/quarterly.handler';
import { reconcileStatCounters } from './handlers/reconcile-counters.handler';

/**
 * `ledger`: 统计表, 台账 and the street/district dashboard. Tables read the `stat_counters` kept by the transitions
 * (bounded reads), never a community's whole history.
 */
export const main = defineFunction(
  'ledger',
  {
    quarterly,
    submitQuarterly,
    submissions,
    dashboard,
    unitMembers,
    checkinLedger,
    ledgerTable,
    opinionForm,
    giveOpinion,
    myOpinions,
    appealOpinion,
    export: exportTable,
  },
  { timers: { reconcileStatCounters } },
);

/** The contract the client and the tests call this function through (types only). */
export type LedgerApi = ApiOf<typeof main>;
