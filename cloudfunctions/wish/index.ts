import type { ApiOf } from '../_shared/api';
import { defineFunction } from '../_shared/define-function';
import { reportMissingTemplates } from '../_shared/notice';
import { addToCampaign, createCampaign, listCampaigns } from './handlers/campaign.handler';
import { claim } from './handlers/claim.handler';
import { deliver } from './handlers/deliver.handler';
import { detail } from './handlers/detail.handler';
import { mine } from './handlers/mine.handler';
import { move } from './handlers/move.handler';
import { assign, declineProposal, listOffers, offer } from './handlers/offer.handler';
import { post } from './handlers/post.handler';
import { reconcileClaimCounters } from './handlers/reconcile.handler';
import { remindDueClaims, sendReminders } from './handlers/reminders.handler';
import { review } from './handlers/review.handler';
import { chaseList, reviewQueue } from './handlers/staff-lists.handler';
import { publicity, wall } from './handlers/wall.handler';

reportMissingTemplates('wish', ['wishClaimReminder', 'wishClaimEnded', 'wishReviewed', 'wishDelivered']);

/** `wish`: 微心愿 — post, review, the public wall and 公示, claim, deliver, close out; campaigns, matching, chasing. */
export const main = defineFunction(
  'wish',
  {
    post,
    review,
    wall,
    publicity,
    detail,
    claim,
    deliver,
    move,
    mine,
    reviewQueue,
    chaseList,
    sendReminders,
    createCampaign,
    listCampaigns,
    addToCampaign,
    offer,
    listOffers,
    assign,
    declineProposal,
  },
  { timers: { wishReminders: remindDueClaims, reconcileClaimCounters } },
);

/** The contract the client and the tests call this function through (types only). */
export type WishApi = ApiOf<typeof main>;
