import type { ApiOf } from '../_shared/api';
import { defineFunction } from '../_shared/define-function';
import { reportMissingTemplates } from '../_shared/notice';
import { activityDetail, activityRoster, listActivities, publishActivity } from './handlers/activity.handler';
import { issueCertificate, myCertificates, verifyCertificate } from './handlers/certificate.handler';
import { activityCode, checkIn, checkOut, checkOutAll } from './handlers/check-in-out.handler';
import { communityByScene, communityQr, communitySettings, setCommunityFence } from './handlers/community.handler';
import { myRecord } from './handlers/my-record.handler';
import { myCheckin, report, withdrawCheckin } from './handlers/report.handler';
import { pendingCheckins, reviewCheckin, roster } from './handlers/review-checkin.handler';
import { pendingLogs, reviewLog } from './handlers/review-log.handler';
import { reportService, requestCorrection } from './handlers/service-log.handler';
import { cancelSignUp, signUp } from './handlers/sign-up.handler';

reportMissingTemplates('checkin', ['checkinReviewed', 'serviceLogReviewed']);

/** `checkin`: 到社区报到 (fence, QR), service activities with check-in/out, service logs, my record, certificates. */
export const main = defineFunction('checkin', {
  communityByScene,
  communitySettings,
  setCommunityFence,
  communityQr,
  report,
  myCheckin,
  withdrawCheckin,
  pendingCheckins,
  reviewCheckin,
  roster,
  publishActivity,
  listActivities,
  activityDetail,
  activityRoster,
  signUp,
  cancelSignUp,
  checkIn,
  checkOut,
  checkOutAll,
  activityCode,
  reportService,
  requestCorrection,
  pendingLogs,
  reviewLog,
  myRecord,
  issueCertificate,
  myCertificates,
  verifyCertificate,
});

/** The contract the client and the tests call this function through (types only). */
export type CheckinApi = ApiOf<typeof main>;
